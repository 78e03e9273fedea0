package dev.mercato.webhook;

import static io.restassured.RestAssured.given;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import dev.mercato.platform.security.Role;
import dev.mercato.testkit.TestKafka;
import dev.mercato.testkit.TestOrganization;
import dev.mercato.testkit.TestTokens;
import io.restassured.path.json.JsonPath;

/** Test helpers: endpoints made through the API, domain events sent as their services would, signature checks. */
public final class Webhooks {

    public static final String WEBHOOKS = "/api/v1/webhooks";

    private Webhooks() {
    }

    /** An endpoint's id and its secret. */
    public record Created(String id, String secret, String url) {
    }

    public static String admin(TestOrganization organization) {
        return TestTokens.forRole(Role.adminOf(organization.kind()), organization);
    }

    /** Creates an endpoint of {@code owner} with {@code extra} JSON members (e.g. {@code "includeDescendants": true}). */
    public static Created create(TestOrganization owner, String url, String extra) {
        JsonPath created = given().auth().oauth2(admin(owner)).contentType("application/json")
                .body("{\"url\": \"" + url + "\"" + (extra == null || extra.isEmpty() ? "" : ", " + extra) + "}")
                .post(WEBHOOKS).then().statusCode(201).extract().jsonPath();
        return new Created(created.getString("data.id"), created.getString("data.secret"), url);
    }

    /** An entitlement of {@code customer} changed, as order-service publishes it; returns the entitlement id. */
    public static String entitlementChanged(String entitlementId, TestOrganization customer, int seats, String requestId) {
        String body = """
                {"id": "%s", "customerId": "%s", "customerCsn": "1234567890", "customerName": "Customer",
                 "listingId": "lst_1", "sku": null, "description": "Product", "dimensions": ["api_calls"], "seats": %d,
                 "startDate": "2026-01-01", "endDate": "2027-01-01", "status": "ACTIVE", "subscriptions": ["SN1"],
                 "createdAt": "%s", "lastUpdated": "%s", "version": %d}"""
                .formatted(entitlementId, customer.id(), seats, Instant.now(), Instant.now(), seats);
        Map<String, String> headers = new java.util.HashMap<>(TestKafka.cloudEventHeaders(UUID.randomUUID().toString(),
                "mercato.orders.entitlement.changed.v1", entitlementId));
        if (requestId != null) {
            headers.put("x-request-id", requestId);
        }
        TestKafka.send("orders.entitlements", entitlementId, body, headers);
        return entitlementId;
    }

    /** A private offer of {@code vendor} to {@code customer} was sent (privateOffer.created) or accepted. */
    public static void offer(String type, String offerId, TestOrganization vendor, TestOrganization customer) {
        String body = """
                {"id": "%s", "vendor": "aws", "vendorId": "%s", "listingId": "lst_1", "listingName": "Listing",
                 "customerId": "%s", "customerName": "Customer", "title": "Offer", "notes": "internal note",
                 "pricing": {"discountPercentage": 10, "duration": 12}, "status": "SENT", "expiresAt": null,
                 "sentAt": "%s", "acceptedAt": null, "declinedAt": null, "cancelledAt": null, "expiredAt": null,
                 "createdAt": "%s", "updatedAt": "%s", "version": 2}"""
                .formatted(offerId, vendor.id(), customer.id(), Instant.now(), Instant.now(), Instant.now());
        TestKafka.send("catalog.offers", offerId, body, TestKafka.cloudEventHeaders(UUID.randomUUID().toString(), type,
                offerId));
    }

    /** The signature a receiver computes with the few lines of HMAC code of the API guide: hex HMAC-SHA256 of the body. */
    public static String hexHmac(String secret, String body) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
    }

    /** Verifies a delivery with the Standard Webhooks library, as a receiver using it would. */
    public static void verifyStandard(String secret, Receiver.Received received) throws Exception {
        new com.standardwebhooks.Webhook(secret).verify(received.body(), Map.of(
                "webhook-id", List.of(received.header("webhook-id")),
                "webhook-timestamp", List.of(received.header("webhook-timestamp")),
                "webhook-signature", List.of(received.header("webhook-signature"))));
    }
}
