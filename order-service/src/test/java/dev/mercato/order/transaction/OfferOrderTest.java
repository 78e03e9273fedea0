package dev.mercato.order.transaction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import dev.mercato.order.catalogmodel.CatalogEvents;
import dev.mercato.testkit.OrganizationEvents;
import dev.mercato.testkit.TestKafka;
import dev.mercato.testkit.TestOrganization;
import dev.mercato.testkit.TestSql;
import io.quarkus.test.junit.QuarkusTest;

/**
 * An accepted private offer becomes one INITIAL transaction for its customer at the offer's discounted price and
 * duration, processed like a placed order, however often its acceptance arrives.
 */
@QuarkusTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OfferOrderTest {

    private final OrderFixture fixture = new OrderFixture();
    /** A vendor that sells nothing, for offers without an article. */
    private final TestOrganization emptyVendor = OrganizationEvents.PLATFORM.child("VENDOR");
    private final String sku = CatalogEvents.newSku();

    @BeforeAll
    void publish() {
        fixture.publish();
        OrganizationEvents.send(emptyVendor, "Empty vendor", "FI", 0);
        String articleId = "art_" + UUID.randomUUID().toString().replace("-", "").substring(0, 20);
        String body = """
                {"id": "%s", "sku": "%s", "ownerId": "%s", "shortDescription": "Offered product",
                 "deployment": "SINGLE_USER", "contractType": "SUBSCRIPTION", "contractTerm": 12, "packSize": 1,
                 "supportedOrderTypes": ["INITIAL"], "links": [], "purPrice": {"eur": 47.00}, "version": 0}"""
                .formatted(articleId, sku, fixture.vendor.id());
        TestKafka.send("catalog.articles", articleId, body, TestKafka.cloudEventHeaders(UUID.randomUUID().toString(),
                "mercato.catalog.article.changed.v1", articleId));
        await().atMost(Duration.ofSeconds(30)).until(() -> TestSql.number(
                "select count(*) from catalog_article where sku = ?", sku) == 1
                && TestSql.number("select count(*) from account where id = ?", emptyVendor.id()) == 1);
    }

    @Test
    void anAcceptedOfferBecomesOneProcessedInitialTransactionAtItsPrice() {
        String offerId = newOfferId();
        String accepted = offer(offerId, fixture.vendor, "ACCEPTED", "10", 12, 2);
        String eventId = UUID.randomUUID().toString();
        send(offerId, accepted, eventId, "mercato.catalog.offer.accepted.v1");
        send(offerId, accepted, eventId, "mercato.catalog.offer.accepted.v1");
        send(offerId, accepted, UUID.randomUUID().toString(), "mercato.catalog.offer.changed.v1");

        await().atMost(Duration.ofSeconds(30)).until(() -> "PROCESSED".equals(status(offerId)));
        Map<String, Object> transaction = TestSql.rows("""
                select order_type, customer_id, currency, price, contract_term, contract_start_date, contract_end_date,
                       contract_number from order_transaction where offer_id = ?""", offerId).get(0);
        assertThat(transaction.get("order_type")).isEqualTo("INITIAL");
        assertThat(transaction.get("customer_id")).isEqualTo(fixture.tenant.id());
        assertThat(transaction.get("currency")).isEqualTo("eur");
        assertThat(new java.math.BigDecimal(transaction.get("price").toString())).isEqualByComparingTo("42.30");
        assertThat(transaction.get("contract_term")).isEqualTo(12);
        assertThat(transaction.get("contract_number")).isNotNull();
        assertThat(TestSql.number("select count(*) from contract where contract_number = ?",
                transaction.get("contract_number"))).isEqualTo(1);
        // It gives use of the offer's listing: the entitlement metering checks usage against is the listing's.
        assertThat(TestSql.number("select count(*) from subscription where contract_number = ? and listing_id = ?",
                transaction.get("contract_number"), "lst_offered")).isEqualTo(1);
        assertThat(TestSql.number("select count(*) from entitlement where customer_id = ? and listing_id = ?"
                + " and status = 'ACTIVE'", fixture.tenant.id(), "lst_offered")).isEqualTo(1);
        // Redelivery and the second copy arrived and were handled: still one transaction.
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).until(() -> TestSql.number(
                "select count(*) from order_transaction where offer_id = ?", offerId) == 1);
        assertThat(TestSql.number("select count(*) from catalog_offer where id = ? and status = 'ACCEPTED'", offerId))
                .isEqualTo(1);
    }

    @Test
    void anOfferAcceptedBeforeItsCustomerIsKnownWaitsAndBecomesAnOrderWhenTheCustomerArrives() {
        TestOrganization lateTenant = fixture.partner.child("TENANT");
        String offerId = newOfferId();
        send(offerId, offer(offerId, fixture.vendor, lateTenant, "ACCEPTED", "10", 12, 1), UUID.randomUUID().toString(),
                "mercato.catalog.offer.changed.v1");
        await().atMost(Duration.ofSeconds(30)).until(() -> TestSql.number(
                "select count(*) from catalog_offer where id = ? and vendor = 'direct'", offerId) == 1);
        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(10)).until(() -> TestSql.number(
                "select count(*) from order_transaction where offer_id = ?", offerId) == 0);

        OrganizationEvents.send(lateTenant, "Late tenant", "FI", 0);

        await().atMost(Duration.ofSeconds(30)).until(() -> "PROCESSED".equals(status(offerId)));
        assertThat(TestSql.rows("select customer_id, reseller_name from order_transaction where offer_id = ?", offerId))
                .containsExactly(Map.of("customer_id", lateTenant.id(), "reseller_name", "direct"));
    }

    @Test
    void anAcceptedOfferWithoutAnArticleIsRejectedSayingWhy() {
        String offerId = newOfferId();
        send(offerId, offer(offerId, emptyVendor, "ACCEPTED", "5", 12, 1), UUID.randomUUID().toString(),
                "mercato.catalog.offer.accepted.v1");

        await().atMost(Duration.ofSeconds(30)).until(() -> "REJECTED".equals(status(offerId)));
        assertThat((String) TestSql.rows("select status_message from order_transaction where offer_id = ?", offerId)
                .get(0).get("status_message"))
                .contains("no article of vendor " + emptyVendor.id()).contains("12-month term");
    }

    @Test
    void anOfferWhoseTermNoArticleSellsIsRejected() {
        String offerId = newOfferId();
        send(offerId, offer(offerId, fixture.vendor, "ACCEPTED", "5", 36, 1), UUID.randomUUID().toString(),
                "mercato.catalog.offer.changed.v1");

        await().atMost(Duration.ofSeconds(30)).until(() -> "REJECTED".equals(status(offerId)));
    }

    @Test
    void anOfferNotAcceptedMakesNoOrder() {
        String offerId = newOfferId();
        send(offerId, offer(offerId, fixture.vendor, "SENT", "10", 12, 1), UUID.randomUUID().toString(),
                "mercato.catalog.offer.changed.v1");

        await().atMost(Duration.ofSeconds(30)).until(() -> TestSql.number(
                "select count(*) from catalog_offer where id = ?", offerId) == 1);
        assertThat(TestSql.number("select count(*) from order_transaction where offer_id = ?", offerId)).isZero();
    }

    private static String newOfferId() {
        return "ofr_" + UUID.randomUUID().toString().replace("-", "").substring(0, 20);
    }

    private String offer(String id, TestOrganization vendor, String status, String discount, int months, long version) {
        return offer(id, vendor, fixture.tenant, status, discount, months, version);
    }

    private String offer(String id, TestOrganization vendor, TestOrganization customer, String status, String discount,
            int months, long version) {
        String today = LocalDate.now(ZoneOffset.UTC).toString();
        return """
                {"id": "%s", "vendor": "direct", "vendorId": "%s", "listingId": "lst_offered", "listingName": "Offered",
                 "customerId": "%s", "customerName": "Tenant", "title": "Offer", "notes": null,
                 "pricing": {"discountPercentage": %s, "duration": %d}, "status": "%s",
                 "acceptedAt": %s, "createdAt": "%sT00:00:00Z", "updatedAt": "%sT00:00:00Z", "version": %d}"""
                .formatted(id, vendor.id(), customer.id(), discount, months, status,
                        "ACCEPTED".equals(status) ? '"' + today + "T08:00:00Z\"" : "null", today, today, version);
    }

    private static void send(String offerId, String body, String eventId, String type) {
        TestKafka.send("catalog.offers", offerId, body, TestKafka.cloudEventHeaders(eventId, type, offerId));
    }

    private static String status(String offerId) {
        List<Map<String, Object>> rows = TestSql.rows("select status from order_transaction where offer_id = ?", offerId);
        return rows.isEmpty() ? null : (String) rows.get(0).get("status");
    }
}
