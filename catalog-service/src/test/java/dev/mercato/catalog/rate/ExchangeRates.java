package dev.mercato.catalog.rate;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

/** Exchange-rate requests the tests share. */
final class ExchangeRates {

    private ExchangeRates() {
    }

    static ValidatableResponse create(String token, String base, String counter, String rate, String validFrom) {
        return given().auth().oauth2(token).contentType(ContentType.JSON)
                .body("{\"baseCurrency\": \"%s\", \"counterCurrency\": \"%s\", \"rate\": \"%s\", \"validFrom\": \"%s\"}"
                        .formatted(base, counter, rate, validFrom))
                .post("/api/v1/exchange-rates").then();
    }

    /** Creates a rate and returns its id. */
    static String createRate(String token, String base, String counter, String rate, String validFrom) {
        return create(token, base, counter, rate, validFrom).statusCode(201).extract().path("data.id");
    }

    static ValidatableResponse convert(String token, String from, String to, String amount, String on) {
        return given().auth().oauth2(token).queryParam("from", from).queryParam("to", to).queryParam("amount", amount)
                .queryParam("on", on).get("/api/v1/exchange-rates/convert").then();
    }
}
