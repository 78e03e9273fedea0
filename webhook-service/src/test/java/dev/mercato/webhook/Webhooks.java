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
        return entitlementChanged(entitlementId, customer, "lst_1", null, seats, requestId);
    }

    /** An entitlement of {@code customer} to listing {@code listingId} or article {@code sku} changed. */
    public static String entitlementChanged(String entitlementId, TestOrganization customer, String listingId, String sku,
            int seats, String requestId) {
        return entitlementChanged(entitlementId, customer, listingId, sku, seats,
                requestId == null ? Map.of() : Map.of("x-request-id", requestId));
    }

    /** An entitlement of {@code customer} changed, on a record with {@code extraHeaders} (request id, trace context). */
    public static String entitlementChanged(String entitlementId, TestOrganization customer, Map<String, String> extraHeaders) {
        return entitlementChanged(entitlementId, customer, "lst_1", null, 1, extraHeaders);
    }

    private static String entitlementChanged(String entitlementId, TestOrganization customer, String listingId, String sku,
            int seats, Map<String, String> extraHeaders) {
        String body = """
                {"id": "%s", "customerId": "%s", "customerCsn": "1234567890", "customerName": "Customer",
                 "listingId": %s, "sku": %s, "description": "Product", "dimensions": ["api_calls"], "seats": %d,
                 "startDate": "2026-01-01", "endDate": "2027-01-01", "status": "ACTIVE", "subscriptions": ["SN1"],
                 "createdAt": "%s", "lastUpdated": "%s", "version": %d}"""
                .formatted(entitlementId, customer.id(), quoted(listingId), quoted(sku), seats, Instant.now(), Instant.now(),
                        seats);
        Map<String, String> headers = new java.util.HashMap<>(TestKafka.cloudEventHeaders(UUID.randomUUID().toString(),
                "mercato.orders.entitlement.changed.v1", entitlementId));
        headers.putAll(extraHeaders);
        TestKafka.send("orders.entitlements", entitlementId, body, headers);
        return entitlementId;
    }

    /** A subscription of {@code customer} to listing {@code listingId} or article {@code renewalSku}, at {@code version}. */
    public static String subscriptionChanged(String subscriptionId, TestOrganization customer, String listingId,
            String renewalSku, long version) {
        String body = """
                {"id": "%s", "serialNumber": "SN-%s", "status": "ACTIVE", "startDate": "2026-01-01",
                 "endDate": "2026-12-31", "customerId": "%s", "customerCsn": "1234567890", "customerName": "Customer",
                 "renewalSku": %s, "description": "Product", "quantity": 1, "packSize": 1, "seats": 1,
                 "listingId": %s, "dimensions": [], "createdAt": "%s", "lastUpdated": "%s", "version": %d}"""
                .formatted(subscriptionId, subscriptionId, customer.id(), quoted(renewalSku), quoted(listingId),
                        Instant.now(), Instant.now(), version);
        TestKafka.send("orders.subscriptions", subscriptionId, body, TestKafka.cloudEventHeaders(
                UUID.randomUUID().toString(), "mercato.orders.subscription.changed.v1", subscriptionId));
        return subscriptionId;
    }

    /** catalog-service published listing {@code listingId}, owned by {@code vendor}. */
    public static void listingChanged(String listingId, TestOrganization vendor, long version) {
        String body = """
                {"id": "%s", "vendor": "direct", "vendorId": "%s", "name": "Listing", "description": null,
                 "productCode": "P1", "currency": "eur", "status": "ACTIVE", "dimensions": [],
                 "createdAt": "%s", "updatedAt": "%s", "version": %d}"""
                .formatted(listingId, vendor.id(), Instant.now(), Instant.now(), version);
        TestKafka.send("catalog.listings", listingId, body, TestKafka.cloudEventHeaders(UUID.randomUUID().toString(),
                "mercato.catalog.listing.changed.v1", listingId));
    }

    /** catalog-service published the article {@code sku}, owned by {@code owner}. */
    public static void articleChanged(String sku, TestOrganization owner, long version) {
        String id = "art_" + sku;
        String body = """
                {"id": "%s", "sku": "%s", "ownerId": "%s", "materialDescription": "Article", "packSize": 1,
                 "supportedOrderTypes": ["INITIAL"], "links": [], "purPrice": {"eur": 10}, "srpPrice": {"eur": 12},
                 "createdAt": "%s", "lastUpdated": "%s", "version": %d}"""
                .formatted(id, sku, owner.id(), Instant.now(), Instant.now(), version);
        TestKafka.send("catalog.articles", id, body, TestKafka.cloudEventHeaders(UUID.randomUUID().toString(),
                "mercato.catalog.article.changed.v1", id));
    }

    private static String quoted(String value) {
        return value == null ? "null" : '"' + value + '"';
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

    /** billing-service's snapshot of an invoice of {@code customer} ({@code type}: finalized, paid or voided). */
    public static void invoice(String type, String invoiceId, TestOrganization customer, String status) {
        String body = """
                {"id": "%s", "issuerId": "%s", "number": 7, "customerId": "%s", "period": "2026-11",
                 "periodStart": "2026-11-01", "periodEnd": "2026-11-30", "currency": "eur", "status": "%s",
                 "subtotal": 120.00, "discountTotal": 12.00, "total": 108.00,
                 "lines": [{"lineNo": 1, "kind": "RECURRING", "subscriptionId": "sub_1", "description": "Seats",
                            "quantity": 2, "unitPrice": 60.00, "listAmount": 120.00, "discountAmount": 12.00,
                            "amount": 108.00, "priceCurrency": "eur"}],
                 "createdAt": "%s", "finalizedAt": "%s", "paidAt": null, "voidedAt": null}"""
                .formatted(invoiceId, customer.parentId(), customer.id(), status, Instant.now(), Instant.now());
        TestKafka.send("billing.invoices", invoiceId, body, TestKafka.cloudEventHeaders(UUID.randomUUID().toString(),
                type, invoiceId));
    }

    /** metering-service's notice of {@code customer}'s token balance with {@code vendor} ({@code type}: low or credited). */
    public static void balance(String type, TestOrganization customer, TestOrganization vendor) {
        String body = """
                {"customerId": "%s", "vendorId": "%s", "purchased": 1000, "consumed": 950, "balance": 50,
                 "threshold": 100, "transactionId": null, "credited": null, "changedAt": "%s"}"""
                .formatted(customer.id(), vendor.id(), Instant.now());
        TestKafka.send("metering.balances", customer.id(), body, TestKafka.cloudEventHeaders(
                UUID.randomUUID().toString(), type, customer.id()));
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
