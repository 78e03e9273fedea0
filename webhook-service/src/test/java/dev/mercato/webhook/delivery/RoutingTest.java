package dev.mercato.webhook.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.mercato.testkit.TestSql;
import dev.mercato.webhook.Receiver;
import dev.mercato.testkit.TestMarketplace;
import dev.mercato.testkit.TestOrganization;
import dev.mercato.webhook.Webhooks;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Who gets an event, by the organization tree: the customer (and, for offers and metering, the vendor), the
 * organizations above the customer only with includeDescendants, and never a foreign organization.
 */
@QuarkusTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RoutingTest {

    private TestMarketplace o;
    private Receiver receiver;
    private String tenant, partnerAll, distributorOwn, platformAll, otherTenant, otherPartnerAll, vendor, otherVendor,
            tenantOffersOnly;

    @BeforeAll
    void setUp() {
        o = TestMarketplace.published();
        receiver = new Receiver();
    }

    /** Once, before the first test: RestAssured knows the port only when a test runs. */
    @BeforeEach
    void endpoints() {
        if (tenant != null) {
            return;
        }
        String url = receiver.url("routing", Receiver.always(200));
        String all = "\"includeDescendants\": true";
        tenant = Webhooks.create(o.tenant, url, null).id();
        tenantOffersOnly = Webhooks.create(o.tenant, url, "\"eventTypes\": [\"privateOffer.created\"]").id();
        partnerAll = Webhooks.create(o.partner, url, all).id();
        distributorOwn = Webhooks.create(o.distributor, url, null).id();
        platformAll = Webhooks.create(o.platform, url, all).id();
        otherTenant = Webhooks.create(o.otherTenant, url, null).id();
        otherPartnerAll = Webhooks.create(o.otherPartner, url, all).id();
        vendor = Webhooks.create(o.vendor, url, null).id();
        otherVendor = Webhooks.create(o.otherVendor, url, all).id();
    }

    @AfterAll
    void tearDown() {
        receiver.close();
    }

    @Test
    void aCustomersEventGoesToItAndToTheOrganizationsAboveItThatOptedIn() {
        String entitlement = Webhooks.entitlementChanged("ent_" + UUID.randomUUID(), o.tenant, 1, null);
        assertThat(recipients(entitlement, 3)).isEqualTo(Set.of(tenant, partnerAll, platformAll));
    }

    @Test
    void anOfferGoesToTheCustomerSideAndItsVendor() {
        String offer = "ofr_" + UUID.randomUUID();
        Webhooks.offer("mercato.catalog.offer.created.v1", offer, o.vendor, o.tenant);
        assertThat(recipients(offer, 5)).isEqualTo(Set.of(tenant, tenantOffersOnly, partnerAll, platformAll, vendor));
        // a change that is no public event goes nowhere
        String draft = "ofr_" + UUID.randomUUID();
        Webhooks.offer("mercato.catalog.offer.changed.v1", draft, o.vendor, o.tenant);
        Webhooks.offer("mercato.catalog.offer.accepted.v1", offer, o.vendor, o.tenant);
        await().atMost(Duration.ofSeconds(20)).until(() -> TestSql.number(
                "select count(*) from webhook_message where subject = ? and event_type = 'privateOffer.accepted'", offer) == 4);
        assertThat(TestSql.number("select count(*) from webhook_message where subject = ?", draft)).isZero();
    }

    @Test
    void entitlementsAndSubscriptionsAlsoGoToTheVendorOfWhatWasSoldAndNoOtherVendor() {
        String listing = "lst_" + UUID.randomUUID();
        String sku = "SKU-" + UUID.randomUUID();
        Webhooks.listingChanged(listing, o.vendor, 1);
        Webhooks.articleChanged(sku, o.vendor, 1);
        await().atMost(Duration.ofSeconds(20)).until(() -> TestSql.number(
                "select count(*) from product_owner where id in (?, ?)", "listing:" + listing, "article:" + sku) == 2);

        String byListing = Webhooks.entitlementChanged("ent_" + UUID.randomUUID(), o.tenant, listing, null, 1, null);
        assertThat(recipients(byListing, 4)).isEqualTo(Set.of(tenant, partnerAll, platformAll, vendor));
        String byArticle = Webhooks.subscriptionChanged("sub_" + UUID.randomUUID(), o.tenant, null, sku, 0);
        assertThat(recipients(byArticle, 4)).isEqualTo(Set.of(tenant, partnerAll, platformAll, vendor));
        assertThat(TestSql.rows("select event_type from webhook_message where subject = ?", byArticle))
                .allSatisfy(row -> assertThat(row.get("event_type")).isEqualTo("subscription.created"));
    }

    @Test
    void anInvoiceGoesToItsCustomerSideOnlyWithItsPublicFields() throws Exception {
        String invoice = "inv_" + UUID.randomUUID();
        Webhooks.invoice("mercato.billing.invoice.finalized.v1", invoice, o.tenant, "FINALIZED");
        assertThat(recipients(invoice, 3)).isEqualTo(Set.of(tenant, partnerAll, platformAll));
        JsonNode payload = new ObjectMapper().readTree((String) TestSql.rows(
                "select payload from webhook_message where subject = ? and endpoint_id = ?", invoice, tenant).get(0)
                .get("payload"));
        assertThat(payload.get("event").asText()).isEqualTo("invoice.finalized");
        assertThat(payload.get("data").get("number").asLong()).isEqualTo(7);
        assertThat(payload.get("data").get("total").decimalValue()).isEqualByComparingTo("108.00");
        assertThat(payload.get("data").get("lines")).hasSize(1);
        assertThat(payload.get("data").has("createdAt")).isFalse();
        // paid and voided follow; a draft is no public event
        Webhooks.invoice("mercato.billing.invoice.paid.v1", invoice, o.tenant, "PAID");
        await().atMost(Duration.ofSeconds(20)).until(() -> TestSql.number(
                "select count(*) from webhook_message where subject = ? and event_type = 'invoice.paid'", invoice) == 3);
        String draft = "inv_" + UUID.randomUUID();
        Webhooks.invoice("mercato.billing.invoice.drafted.v1", draft, o.tenant, "DRAFT");
        Webhooks.invoice("mercato.billing.invoice.voided.v1", invoice, o.tenant, "VOID");
        await().atMost(Duration.ofSeconds(20)).until(() -> TestSql.number(
                "select count(*) from webhook_message where subject = ? and event_type = 'invoice.voided'", invoice) == 3);
        assertThat(TestSql.number("select count(*) from webhook_message where subject = ?", draft)).isZero();
    }

    @Test
    void aLowBalanceGoesToTheCustomerSideAndTheVendorWhoseTokensTheyAre() {
        TestOrganization customer = o.tenant;
        long before = TestSql.number("select count(*) from webhook_message where event_type = 'balance.low'");
        Webhooks.balance("mercato.metering.balance.credited.v1", customer, o.vendor);
        Webhooks.balance("mercato.metering.balance.low.v1", customer, o.vendor);
        await().atMost(Duration.ofSeconds(20)).until(() -> TestSql.number(
                "select count(*) from webhook_message where event_type = 'balance.low'") == before + 4);
        assertThat(TestSql.rows("select endpoint_id from webhook_message where event_type = 'balance.low'"
                + " and subject = ? order by endpoint_id", customer.id()).stream().map(r -> r.get("endpoint_id"))
                .collect(Collectors.toSet())).isEqualTo(Set.of(tenant, partnerAll, platformAll, vendor));
        assertThat(TestSql.number("select count(*) from webhook_message where subject = ? and event_type <> 'balance.low'"
                + " and event_type like 'balance%'", customer.id())).isZero();
    }

    private static Set<String> recipients(String subject, int expected) {
        await().atMost(Duration.ofSeconds(20)).until(() -> TestSql.number(
                "select count(*) from webhook_message where subject = ?", subject) >= expected);
        List<java.util.Map<String, Object>> rows = TestSql.rows(
                "select endpoint_id from webhook_message where subject = ?", subject);
        return rows.stream().map(r -> (String) r.get("endpoint_id")).collect(Collectors.toSet());
    }
}
