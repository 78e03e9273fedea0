package dev.mercato.catalog.offer;

import static dev.mercato.testkit.TestKafka.header;
import static io.restassured.RestAssured.given;

import java.time.Duration;
import java.util.function.Predicate;

import org.apache.kafka.clients.consumer.ConsumerRecord;

import dev.mercato.testkit.TestMarketplace;
import dev.mercato.platform.security.Role;
import dev.mercato.testkit.TestKafka;
import dev.mercato.testkit.TestOrganization;
import dev.mercato.testkit.TestTokens;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;

/**
 * What the private-offer tests share: a listing of the test vendor, offers on it for the test tenant, and
 * calls as any role, each with a token of its own.
 */
final class OfferFixtures {

    static final String OFFERS = "/api/v1/private-offers";

    private final TestMarketplace organizations;
    private String listingId;

    OfferFixtures(TestMarketplace organizations) {
        this.organizations = organizations;
    }

    static RequestSpecification as(Role role, TestOrganization organization) {
        return given().auth().oauth2(TestTokens.forRole(role, organization)).contentType("application/json");
    }

    RequestSpecification asVendor() {
        return as(Role.VENDOR_ADMIN, organizations.vendor);
    }

    RequestSpecification asTenant() {
        return as(Role.TENANT_ADMIN, organizations.tenant);
    }

    RequestSpecification asPlatform() {
        return as(Role.PLATFORM_ADMIN, organizations.platform);
    }

    /** An active aws listing of the test vendor, made on first use (RestAssured knows its port only in a test). */
    String listingId() {
        if (listingId == null) {
            listingId = newListing(organizations.vendor, "aws");
        }
        return listingId;
    }

    static String newListing(TestOrganization vendor, String marketplace) {
        String body = """
                {"vendor": "%s", "name": "Log analytics", "currency": "eur",
                 "dimensions": [{"key": "api_calls", "title": "API calls", "unit": "call", "pricePerUnit": 0.001}]}"""
                .formatted(marketplace);
        return as(Role.VENDOR_ADMIN, vendor).body(body).post("/api/v1/listings").then().statusCode(201)
                .extract().path("data.id");
    }

    /** The body of an offer of 20 % for 12 months on {@code listingId} to {@code customerId}. */
    static String offerBody(String listingId, String customerId) {
        return """
                {"vendor": "aws", "listingId": "%s", "customerId": "%s",
                 "pricing": {"discountPercentage": 20, "duration": 12}, "title": "Launch deal"}"""
                .formatted(listingId, customerId);
    }

    String offerBody() {
        return offerBody(listingId(), organizations.tenant.id());
    }

    /** A new draft offer of the test vendor to the test tenant. */
    String draft() {
        return asVendor().body(offerBody()).post(OFFERS).then().statusCode(201).extract().path("data.id");
    }

    /** A new offer, sent to the test tenant. */
    String sent() {
        String id = draft();
        act(asVendor(), id, "send").statusCode(200);
        return id;
    }

    /** A new offer the test tenant accepted. */
    String accepted() {
        String id = sent();
        act(asTenant(), id, "accept").statusCode(200);
        return id;
    }

    static ValidatableResponse act(RequestSpecification caller, String id, String action) {
        return caller.post(OFFERS + "/" + id + "/" + action).then();
    }

    /** The event of {@code type} about offer {@code id} on catalog.offers. */
    static ConsumerRecord<String, String> awaitEvent(String id, String type, Predicate<String> payload) {
        return TestKafka.awaitRecord("catalog.offers", record -> id.equals(record.key())
                && type.equals(header(record, "ce_type")) && payload.test(record.value()), Duration.ofSeconds(30));
    }

}
