package dev.mercato.catalog.offer;

import static dev.mercato.catalog.offer.OfferFixtures.OFFERS;
import static dev.mercato.catalog.offer.OfferFixtures.act;
import static dev.mercato.catalog.offer.OfferFixtures.as;
import static dev.mercato.catalog.offer.OfferFixtures.awaitEvent;
import static dev.mercato.testkit.TestKafka.header;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.function.Predicate;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import dev.mercato.testkit.TestMarketplace;
import dev.mercato.platform.events.PrivateOfferChangedV1;
import dev.mercato.platform.events.Topics;
import dev.mercato.platform.security.Role;
import dev.mercato.testkit.TestKafka;
import dev.mercato.testkit.TestSql;
import dev.mercato.testkit.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;

/** A private offer from draft to its answer, every transition it refuses, and what each step publishes. */
@QuarkusTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PrivateOfferLifecycleTest {

    private TestMarketplace organizations;
    private OfferFixtures fixtures;

    @BeforeAll
    void organizations() {
        organizations = TestMarketplace.published();
        fixtures = new OfferFixtures(organizations);
    }

    private ValidatableResponse get(io.restassured.specification.RequestSpecification caller, String id) {
        return caller.get(OFFERS + "/" + id).then();
    }

    @Test
    void draftsSendsAndAcceptsAnOfferPublishingEveryStep() {
        String id = fixtures.asVendor().body(fixtures.offerBody()).post(OFFERS).then().statusCode(201)
                .body("data.object", equalTo("private_offer"))
                .body("data.status", equalTo("DRAFT"))
                .body("data.vendor", equalTo("aws"))
                .body("data.vendorId", equalTo(organizations.vendor.id()))
                .body("data.listingId", equalTo(fixtures.listingId()))
                .body("data.listingName", equalTo("Log analytics"))
                .body("data.customerId", equalTo(organizations.tenant.id()))
                .body("data.customerName", equalTo("TENANT " + organizations.tenant.id()))
                .body("data.pricing.discountPercentage", equalTo(20.00f))
                .body("data.pricing.duration", equalTo(12))
                .body("data.expiresAt", nullValue())
                .extract().path("data.id");
        awaitEvent(id, PrivateOfferChangedV1.CHANGED, payload -> payload.contains("\"status\":\"DRAFT\""));
        get(fixtures.asTenant(), id).statusCode(404);

        fixtures.asVendor().body("{\"pricing\": {\"discountPercentage\": 12.5, \"duration\": 24}, \"notes\": \"Thanks\"}")
                .patch(OFFERS + "/" + id).then().statusCode(200)
                .body("data.pricing.discountPercentage", equalTo(12.50f))
                .body("data.pricing.duration", equalTo(24))
                .body("data.notes", equalTo("Thanks"));

        Instant beforeSending = Instant.now();
        String expiresAt = act(fixtures.asVendor(), id, "send").statusCode(200)
                .body("data.status", equalTo("SENT")).body("data.sentAt", notNullValue())
                .extract().path("data.expiresAt");
        // Sent without an expiry: open for the default 30 days.
        assertThat(Instant.parse(expiresAt)).isBetween(beforeSending.plus(Duration.ofDays(30)).minusSeconds(5),
                Instant.now().plus(Duration.ofDays(30)).plusSeconds(5));
        ConsumerRecord<String, String> created = awaitEvent(id, PrivateOfferChangedV1.CREATED, payload -> true);
        assertThat(created.value()).contains("\"status\":\"SENT\"", "\"customerId\":\"" + organizations.tenant.id() + "\"",
                "\"listingId\":\"" + fixtures.listingId() + "\"", "\"discountPercentage\":12.50", "\"duration\":24",
                "\"vendor\":\"aws\"", "\"vendorId\":\"" + organizations.vendor.id() + "\"");

        get(fixtures.asTenant(), id).statusCode(200).body("data.status", equalTo("SENT"));
        get(as(Role.DISTRIBUTOR_READER, organizations.distributor), id).statusCode(200);

        act(fixtures.asTenant(), id, "accept").statusCode(200)
                .body("data.status", equalTo("ACCEPTED")).body("data.acceptedAt", notNullValue());
        ConsumerRecord<String, String> accepted = awaitEvent(id, PrivateOfferChangedV1.ACCEPTED, payload -> true);
        assertThat(accepted.value()).contains("\"id\":\"" + id + "\"", "\"status\":\"ACCEPTED\"",
                "\"customerId\":\"" + organizations.tenant.id() + "\"", "\"acceptedAt\":\"");
        awaitEvent(id, PrivateOfferChangedV1.CHANGED, payload -> payload.contains("\"status\":\"ACCEPTED\""));
        assertThat(TestSql.number("select count(*) from private_offer where id = ? and status = 'ACCEPTED'", id)).isOne();
    }

    @Test
    void declinesAndCancelsPublishingTheChange() {
        String declined = fixtures.sent();
        act(as(Role.PARTNER_ADMIN, organizations.partner), declined, "decline").statusCode(200)
                .body("data.status", equalTo("DECLINED")).body("data.declinedAt", notNullValue());
        awaitEvent(declined, PrivateOfferChangedV1.CHANGED, payload -> payload.contains("\"status\":\"DECLINED\""));

        String cancelledDraft = fixtures.draft();
        act(fixtures.asVendor(), cancelledDraft, "cancel").statusCode(200).body("data.status", equalTo("CANCELLED"));
        String cancelledSent = fixtures.sent();
        act(fixtures.asPlatform(), cancelledSent, "cancel").statusCode(200)
                .body("data.status", equalTo("CANCELLED")).body("data.cancelledAt", notNullValue());
        awaitEvent(cancelledSent, PrivateOfferChangedV1.CHANGED, payload -> payload.contains("\"status\":\"CANCELLED\""));
        // A cancelled offer stays visible to the customer who had received it; a cancelled draft never was.
        get(fixtures.asTenant(), cancelledSent).statusCode(200).body("data.status", equalTo("CANCELLED"));
        get(fixtures.asTenant(), cancelledDraft).statusCode(404);
    }

    @Test
    void refusesEveryOtherTransitionWithASentence() {
        String draft = fixtures.draft();
        refused(fixtures.asPlatform(), draft, "accept", "offer " + draft + " is draft; only a sent offer can be accepted");
        refused(fixtures.asPlatform(), draft, "decline", "offer " + draft + " is draft; only a sent offer can be declined");

        String sent = fixtures.sent();
        refused(fixtures.asVendor(), sent, "send", "offer " + sent + " is sent; only a draft offer can be sent");
        fixtures.asVendor().body("{\"title\": \"Late\"}").patch(OFFERS + "/" + sent).then().statusCode(409)
                .body("message", equalTo("offer " + sent + " is sent; only a draft offer can be edited"));

        String accepted = fixtures.accepted();
        refused(fixtures.asTenant(), accepted, "decline", "offer " + accepted + " is accepted; only a sent offer can be declined");
        refused(fixtures.asTenant(), accepted, "accept", "offer " + accepted + " is accepted; only a sent offer can be accepted");
        refused(fixtures.asVendor(), accepted, "cancel",
                "offer " + accepted + " is accepted; only a draft or sent offer can be cancelled");
        refused(fixtures.asVendor(), accepted, "send", "offer " + accepted + " is accepted; only a draft offer can be sent");

        String declined = fixtures.sent();
        act(fixtures.asTenant(), declined, "decline").statusCode(200);
        refused(fixtures.asTenant(), declined, "accept", "offer " + declined + " is declined; only a sent offer can be accepted");
        refused(fixtures.asVendor(), declined, "cancel",
                "offer " + declined + " is declined; only a draft or sent offer can be cancelled");

        String cancelled = fixtures.draft();
        act(fixtures.asVendor(), cancelled, "cancel").statusCode(200);
        refused(fixtures.asVendor(), cancelled, "send", "offer " + cancelled + " is cancelled; only a draft offer can be sent");
        refused(fixtures.asVendor(), cancelled, "cancel",
                "offer " + cancelled + " is cancelled; only a draft or sent offer can be cancelled");

        assertThat(TestSql.rows("select status from private_offer where id in (?, ?, ?, ?, ?) order by id",
                draft, sent, accepted, declined, cancelled).stream().map(row -> row.get("status")).toList())
                .containsExactly("DRAFT", "SENT", "ACCEPTED", "DECLINED", "CANCELLED");
    }

    private static void refused(io.restassured.specification.RequestSpecification caller, String id, String action,
            String message) {
        act(caller, id, action).statusCode(409).body("code", equalTo(409)).body("message", equalTo(message));
    }

    @Test
    void letsOnlyTheCustomerSideAnswerAndOnlyTheVendorSideChange() {
        String offer = fixtures.sent();
        act(fixtures.asVendor(), offer, "accept").statusCode(403)
                .body("message", equalTo("Only the customer offer " + offer
                        + " is addressed to, or an organization above it, accepts or declines it"));
        act(fixtures.asVendor(), offer, "decline").statusCode(403);
        act(as(Role.VENDOR_ADMIN, organizations.otherVendor), offer, "accept").statusCode(404);
        act(as(Role.TENANT_ADMIN, organizations.otherTenant), offer, "accept").statusCode(404);
        act(as(Role.PARTNER_ADMIN, organizations.otherPartner), offer, "decline").statusCode(404);
        get(as(Role.TENANT_ADMIN, organizations.otherTenant), offer).statusCode(404);
        get(as(Role.PARTNER_READER, organizations.otherPartner), offer).statusCode(404);
        get(as(Role.VENDOR_ADMIN, organizations.otherVendor), offer).statusCode(404);

        act(fixtures.asTenant(), offer, "cancel").statusCode(403);
        fixtures.asTenant().body("{\"title\": \"Mine now\"}").patch(OFFERS + "/" + offer).then().statusCode(403);
        act(as(Role.TENANT_READER, organizations.tenant), offer, "accept").statusCode(403);
        assertThat(TestSql.number("select count(*) from private_offer where id = ? and status = 'SENT'", offer)).isOne();

        act(as(Role.DISTRIBUTOR_ADMIN, organizations.distributor), offer, "accept").statusCode(200)
                .body("data.status", equalTo("ACCEPTED"));
        String forPlatform = fixtures.sent();
        act(fixtures.asPlatform(), forPlatform, "accept").statusCode(200).body("data.status", equalTo("ACCEPTED"));
    }

    @Test
    void letsThePlatformMakeAnOfferOnAnyListing() {
        String otherListing = OfferFixtures.newListing(organizations.otherVendor, "azure");
        String body = OfferFixtures.offerBody(otherListing, organizations.tenant.id()).replace("\"aws\"", "\"azure\"");
        String id = fixtures.asPlatform().body(body).post(OFFERS).then().statusCode(201)
                .body("data.vendorId", equalTo(organizations.otherVendor.id())).body("data.vendor", equalTo("azure"))
                .extract().path("data.id");
        get(as(Role.VENDOR_READER, organizations.otherVendor), id).statusCode(200);
        get(fixtures.asVendor(), id).statusCode(404);
        // Without vendor: the listing's marketplace.
        fixtures.asPlatform().body(body.replace("\"vendor\": \"azure\", ", "")).post(OFFERS).then().statusCode(201)
                .body("data.vendor", equalTo("azure"));
    }

    @Test
    void refusesBadOffersNamingTheFieldAndStoresNothing() {
        String title = "Bad " + UUID.randomUUID();
        String good = fixtures.offerBody().replace("Launch deal", title);
        String retired = OfferFixtures.newListing(organizations.vendor, "aws");
        fixtures.asVendor().body("{\"status\": \"RETIRED\"}").patch("/api/v1/listings/" + retired).then().statusCode(200);
        String suspended = organizations.otherTenant.id();
        TestSql.execute("update directory_organization set status = 'SUSPENDED' where id = ?", suspended);
        try {
            expectRefusal(good.replace("\"aws\"", "\"gcp\""), "vendor");
            expectRefusal(good.replace("\"aws\"", "\"azure\""), "vendor");
            expectRefusal(good.replace(fixtures.listingId(), "lst_nothing"), "listingId");
            expectRefusal(good.replace(fixtures.listingId(), retired), "listingId");
            expectRefusal(good.replace(fixtures.listingId(), OfferFixtures.newListing(organizations.otherVendor, "aws")),
                    "listingId");
            expectRefusal(good.replace("\"listingId\": \"" + fixtures.listingId() + "\", ", ""), "listingId");
            expectRefusal(good.replace(organizations.tenant.id(), "org_nothing"), "customerId");
            expectRefusal(good.replace(organizations.tenant.id(), organizations.partner.id()), "customerId");
            expectRefusal(good.replace(organizations.tenant.id(), organizations.otherVendor.id()), "customerId");
            expectRefusal(good.replace(organizations.tenant.id(), suspended), "customerId");
            expectRefusal(good.replace("\"discountPercentage\": 20", "\"discountPercentage\": 0"), "pricing.discountPercentage");
            expectRefusal(good.replace("\"discountPercentage\": 20", "\"discountPercentage\": -5"), "pricing.discountPercentage");
            expectRefusal(good.replace("\"discountPercentage\": 20", "\"discountPercentage\": 100.01"), "pricing.discountPercentage");
            expectRefusal(good.replace("\"discountPercentage\": 20", "\"discountPercentage\": 20.125"), "pricing.discountPercentage");
            expectRefusal(good.replace("\"discountPercentage\": 20, ", ""), "pricing.discountPercentage");
            expectRefusal(good.replace("\"duration\": 12", "\"duration\": 0"), "pricing.duration");
            expectRefusal(good.replace("\"duration\": 12", "\"duration\": 61"), "pricing.duration");
            expectRefusal(good.replace("\"duration\": 12", "\"duration\": 1.5"), "pricing.duration");
            expectRefusal(good.replace("\"pricing\": {\"discountPercentage\": 20, \"duration\": 12}, ", ""), "pricing");
            expectRefusal(good.replace("\"title\"", "\"expiresAt\": \"2020-01-01T00:00:00Z\", \"title\""), "expiresAt");
            expectRefusal(good.replace("\"title\"", "\"expiresAt\": \"+99999-01-01T00:00:00Z\", \"title\""), "expiresAt");
            expectRefusal(good.replace("\"title\"", "\"expiresAt\": \"soon\", \"title\""), "expiresAt");
            expectRefusal(good.replace("\"title\"", "\"discount\": 5, \"title\""), "discount");
            assertThat(TestSql.number("select count(*) from private_offer where title = ?", title)).isZero();
        } finally {
            TestSql.execute("update directory_organization set status = 'ACTIVE' where id = ?", suspended);
        }
        fixtures.asVendor().body(good.replace("\"discountPercentage\": 20", "\"discountPercentage\": 100"))
                .post(OFFERS).then().statusCode(201).body("data.pricing.discountPercentage", equalTo(100.00f));
        fixtures.asVendor().body(good.replace("\"discountPercentage\": 20", "\"discountPercentage\": \"0.01\""))
                .post(OFFERS).then().statusCode(201).body("data.pricing.discountPercentage", equalTo(0.01f));
    }

    private void expectRefusal(String body, String field) {
        fixtures.asVendor().body(body).post(OFFERS).then().statusCode(400).body("code", equalTo(400))
                .body("errors.field", hasItem(field));
    }

    @Test
    void refusesABadEditAndKeepsTheDraft() {
        String id = fixtures.draft();
        String path = OFFERS + "/" + id;
        fixtures.asVendor().body("{\"pricing\": {\"discountPercentage\": 20.125, \"duration\": 12}}").patch(path)
                .then().statusCode(400).body("errors.field", hasItem("pricing.discountPercentage"));
        fixtures.asVendor().body("{\"customerId\": \"" + organizations.vendor.id() + "\"}").patch(path)
                .then().statusCode(400).body("errors.field", hasItem("customerId"));
        fixtures.asVendor().body("{\"expiresAt\": \"2020-01-01T00:00:00Z\"}").patch(path)
                .then().statusCode(400).body("errors.field", hasItem("expiresAt"));
        assertThat(TestSql.rows("select discount_percentage, customer_id, expires_at from private_offer where id = ?", id))
                .singleElement().satisfies(row -> {
                    assertThat(row.get("discount_percentage").toString()).isEqualTo("20.00");
                    assertThat(row.get("customer_id")).isEqualTo(organizations.tenant.id());
                    assertThat(row.get("expires_at")).isNull();
                });

        fixtures.asVendor().body("{\"customerId\": \"" + organizations.otherTenant.id() + "\"}").patch(path)
                .then().statusCode(200).body("data.customerId", equalTo(organizations.otherTenant.id()));
        act(fixtures.asVendor(), id, "send").statusCode(200);
        get(as(Role.TENANT_READER, organizations.otherTenant), id).statusCode(200);
        get(fixtures.asTenant(), id).statusCode(404);
    }

    @Test
    void refusesToSendAnOfferWhoseExpiryHasPassed() {
        String id = fixtures.asVendor().body(fixtures.offerBody().replace("\"title\"",
                "\"expiresAt\": \"" + Instant.now().plusSeconds(3600) + "\", \"title\""))
                .post(OFFERS).then().statusCode(201).extract().path("data.id");
        TestSql.execute("update private_offer set expires_at = now() - interval '1 minute' where id = ?", id);
        act(fixtures.asVendor(), id, "send").statusCode(409).body("message", org.hamcrest.Matchers.containsString(
                "set a later expiresAt before sending it"));
        assertThat(TestSql.number("select count(*) from private_offer where id = ? and status = 'DRAFT'", id)).isOne();
    }

    @Test
    void refusesToAcceptAnOfferWhoseListingWasRetired() {
        String listing = OfferFixtures.newListing(organizations.vendor, "aws");
        String id = fixtures.asVendor().body(OfferFixtures.offerBody(listing, organizations.tenant.id()))
                .post(OFFERS).then().statusCode(201).extract().path("data.id");
        act(fixtures.asVendor(), id, "send").statusCode(200);
        fixtures.asVendor().body("{\"status\": \"RETIRED\"}").patch("/api/v1/listings/" + listing).then().statusCode(200);
        act(fixtures.asTenant(), id, "accept").statusCode(409).body("message", equalTo("listing " + listing + " of offer "
                + id + " was retired; offers on it can no longer be sent or accepted"));
        act(fixtures.asTenant(), id, "decline").statusCode(200);
    }

    @Test
    void letsOneOfTwoSimultaneousAnswersWin() throws Exception {
        String id = fixtures.sent();
        CompletableFuture<Integer> accept = CompletableFuture.supplyAsync(
                () -> act(fixtures.asTenant(), id, "accept").extract().statusCode());
        CompletableFuture<Integer> decline = CompletableFuture.supplyAsync(
                () -> act(as(Role.PARTNER_ADMIN, organizations.partner), id, "decline").extract().statusCode());
        assertThat(List.of(accept.get(), decline.get())).containsExactlyInAnyOrder(200, 409);
        Predicate<ConsumerRecord<String, String>> answer = r -> id.equals(r.key())
                && PrivateOfferChangedV1.CHANGED.equals(header(r, "ce_type")) && (r.value().contains("\"status\":\"ACCEPTED\"") || r.value().contains("\"status\":\"DECLINED\""));
        TestKafka.awaitRecord(Topics.CATALOG_OFFERS, answer, Duration.ofSeconds(30));
        assertThat(TestKafka.events(Topics.CATALOG_OFFERS, answer, Duration.ofSeconds(2))).hasSize(1);
    }

    @Test
    void answersTheSameOfferToARepeatedIdempotentCreate() {
        String key = UUID.randomUUID().toString();
        String title = "Idempotent " + key;
        String body = fixtures.offerBody().replace("Launch deal", title);
        // One client: a key is the client's own.
        String token = TestTokens.forRole(Role.VENDOR_ADMIN, organizations.vendor);
        String first = given().auth().oauth2(token).contentType("application/json").header("Idempotency-Key", key)
                .body(body).post(OFFERS).then().statusCode(201).extract().path("data.id");
        String second = given().auth().oauth2(token).contentType("application/json").header("Idempotency-Key", key)
                .body(body).post(OFFERS).then().statusCode(201)
                .header("Idempotent-Replayed", "true").extract().path("data.id");
        assertThat(second).isEqualTo(first);
        assertThat(TestSql.number("select count(*) from private_offer where title = ?", title)).isOne();
    }

    @Test
    void listsOffersByStatusVendorListingCustomerAndCreation() {
        String listing = OfferFixtures.newListing(organizations.vendor, "aws");
        String draft = fixtures.asVendor().body(OfferFixtures.offerBody(listing, organizations.tenant.id()))
                .post(OFFERS).then().statusCode(201).extract().path("data.id");
        String sent = fixtures.asVendor().body(OfferFixtures.offerBody(listing, organizations.otherTenant.id()))
                .post(OFFERS).then().statusCode(201).extract().path("data.id");
        act(fixtures.asVendor(), sent, "send").statusCode(200);
        String byListing = OFFERS + "?listing=" + listing;

        fixtures.asVendor().get(byListing).then().statusCode(200)
                .body("data.id", org.hamcrest.Matchers.containsInAnyOrder(draft, sent))
                .body("pagination.total", equalTo(2));
        fixtures.asVendor().get(byListing + "&status=sent").then().statusCode(200).body("data.id", equalTo(List.of(sent)));
        fixtures.asVendor().get(byListing + "&status=SENT&vendor=aws&customer=" + organizations.otherTenant.id()
                + "&createdAt[gte]=2026-01-01").then().statusCode(200).body("data.id", equalTo(List.of(sent)));
        fixtures.asVendor().get(byListing + "&vendor=azure").then().statusCode(200).body("data", org.hamcrest.Matchers.empty());
        fixtures.asVendor().get(byListing + "&sort=-createdAt&limit=1").then().statusCode(200)
                .body("data.id", equalTo(List.of(sent)));
        fixtures.asVendor().get(byListing + "&filter=$eq(status,'DRAFT')").then().statusCode(200)
                .body("data.id", equalTo(List.of(draft)));
        // The customer side sees only what was sent to it.
        as(Role.TENANT_READER, organizations.otherTenant).get(byListing).then().statusCode(200)
                .body("data.id", equalTo(List.of(sent)));
        fixtures.asTenant().get(byListing).then().statusCode(200).body("data.id", not(hasItem(draft)));
        fixtures.asVendor().get(OFFERS + "?ownerPath=x").then().statusCode(400).body("errors[0].field", equalTo("ownerPath"));
        fixtures.asVendor().get(OFFERS + "?status=open").then().statusCode(400).body("errors[0].field", equalTo("status"));
    }
}
