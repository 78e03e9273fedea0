package dev.mercato.catalog.article;

import static io.restassured.RestAssured.given;

import java.util.UUID;

import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

/** Article requests the tests share: unique SKUs and a create call. */
final class Articles {

    private Articles() {
    }

    /** A SKU no other test uses, at most 35 characters. */
    static String newSku(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 13).toUpperCase();
    }

    static ValidatableResponse create(String token, String body) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(body).post("/api/v1/articles").then();
    }

    /** Creates a plain article with a purchase price and returns its id. */
    static String createSimple(String token, String sku) {
        return create(token, """
                {"sku": "%s", "shortDescription": "Plain", "supportedOrderTypes": ["INITIAL"],
                 "purPrice": {"eur": 100}, "srpPrice": {"eur": 120}}""".formatted(sku))
                .statusCode(201).extract().path("data.id");
    }
}
