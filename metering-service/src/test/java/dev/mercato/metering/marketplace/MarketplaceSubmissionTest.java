package dev.mercato.metering.marketplace;

import static dev.mercato.metering.marketplace.MarketplaceFixtures.publishCustomer;
import static dev.mercato.metering.marketplace.MarketplaceFixtures.publishListing;
import static dev.mercato.metering.marketplace.MarketplaceFixtures.sendUsage;
import static dev.mercato.metering.marketplace.MarketplaceSimulators.PRODUCT_CODE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import dev.mercato.metering.aggregate.HourClosing;
import dev.mercato.metering.readmodel.KnownOrganizations;
import dev.mercato.metering.readmodel.MeteredListings;
import dev.mercato.platform.id.Ids;
import dev.mercato.platform.security.Role;
import dev.mercato.platform.security.Scopes;
import dev.mercato.testkit.AuthorizationMatrix;
import dev.mercato.testkit.OrganizationEvents;
import dev.mercato.testkit.TestOrganization;
import dev.mercato.testkit.TestSql;
import dev.mercato.testkit.TestTokens;
import dev.mercato.testkit.marketplace.AwsMeteringSimulator;
import dev.mercato.testkit.marketplace.AzureMeteringSimulator;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/**
 * Closed hours of listings sold through AWS and Azure reach the simulated marketplaces in their format and limits,
 * once per hour, with throttling retried and each record's outcome kept.
 */
@QuarkusTest
@TestProfile(MarketplaceSimulators.class)
class MarketplaceSubmissionTest {

    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private static AwsMeteringSimulator aws;
    private static AzureMeteringSimulator azure;

    @Inject
    HourClosing closing;

    @Inject
    MarketplaceSubmitter submitter;

    @Inject
    MeteredListings listings;

    @Inject
    KnownOrganizations organizations;

    private final TestOrganization distributor = OrganizationEvents.PLATFORM.child("DISTRIBUTOR");
    private final TestOrganization partner = distributor.child("PARTNER");
    private final TestOrganization vendor = OrganizationEvents.PLATFORM.child("VENDOR");

    @BeforeAll
    static void startSimulators() {
        aws = MarketplaceSimulators.aws();
        azure = MarketplaceSimulators.azure();
    }

    @AfterAll
    static void stopSimulators() {
        aws.close();
        azure.close();
    }

    @Test
    void sendsAwsHoursInBatchesOf25OnceEachRetryingThrottlingAndKeepingEveryOutcome() {
        String listing = Ids.next("lst");
        Instant hour = Instant.now().truncatedTo(ChronoUnit.HOURS).minus(2, ChronoUnit.HOURS);
        List<TestOrganization> subscribed = new ArrayList<>();
        for (int i = 0; i < 27; i++) {
            TestOrganization tenant = partner.child("TENANT");
            subscribed.add(tenant);
            aws.subscribe(account(tenant));
            publishCustomer(tenant, Map.of("awsCustomerAccountId", account(tenant)));
        }
        TestOrganization notSubscribed = partner.child("TENANT");
        publishCustomer(notSubscribed, Map.of("awsCustomerAccountId", account(notSubscribed)));
        TestOrganization unknownThere = partner.child("TENANT");
        publishCustomer(unknownThere, Map.of());
        TestOrganization tooLate = partner.child("TENANT");
        aws.subscribe(account(tooLate));
        publishCustomer(tooLate, Map.of("awsCustomerAccountId", account(tooLate)));
        prepare(listing, "aws", PRODUCT_CODE, tooLate);

        for (TestOrganization tenant : subscribed) {
            sendUsage(tenant.id(), vendor.id(), listing, "2.5", hour.plusSeconds(60));
        }
        sendUsage(notSubscribed.id(), vendor.id(), listing, "1", hour.plusSeconds(60));
        sendUsage(unknownThere.id(), vendor.id(), listing, "1", hour.plusSeconds(60));
        sendUsage(tooLate.id(), vendor.id(), listing, "1", hour.minus(6, ChronoUnit.HOURS));
        closeAndAwaitClaims(listing, 30);

        int before = aws.requests().size();
        aws.throttleNext(1);
        aws.leaveUnprocessed(account(subscribed.get(26)), "calls");
        submitUntilSettled(listing);

        assertThat(statuses(listing)).containsExactlyInAnyOrderEntriesOf(Map.of(
                "ACCEPTED/-", 27L, "REJECTED/CustomerNotSubscribed", 1L, "REJECTED/NO_MARKETPLACE_CUSTOMER", 1L,
                "EXPIRED/TOO_OLD", 1L));
        List<JsonNode> calls = aws.requests().subList(before, aws.requests().size());
        assertThat(calls).allSatisfy(call -> {
            assertThat(call.path("ProductCode").asText()).isEqualTo(PRODUCT_CODE);
            assertThat(call.path("UsageRecords").size()).isBetween(1, 25);
        });
        // 28 records to send: a call of 25 throttled and sent again, one of 3, and the unprocessed record once more
        assertThat(calls).hasSize(4);
        assertThat(TestSql.number("select sum(attempts) from marketplace_submission where listing_id = ?", listing))
                .isEqualTo(28 + 25 + 1 + 1); // the expired claim was claimed once, never sent
        JsonNode record = aws.accepted().get(account(subscribed.get(0)) + "\ncalls\n" + hour.getEpochSecond());
        assertThat(record.path("Quantity").asLong()).isEqualTo(3); // 2.5 rounded up: AWS takes whole units
        assertThat(TestSql.number("select count(*) from marketplace_submission where listing_id = ? and status = 'ACCEPTED'"
                + " and quantity = 2.5 and submitted_quantity = 3 and marketplace_record_id is not null", listing)).isEqualTo(27);

        // nothing is due any more: another round sends nothing
        int sent = aws.requests().size();
        submitter.submitDue().await().atMost(PATIENCE);
        assertThat(aws.requests()).hasSize(sent);

        // a claim whose answer was lost (a crash mid-call) is sent again after its lease; AWS calls it a duplicate
        TestSql.execute("update marketplace_submission set status = 'SUBMITTING', claimed_until = now() - interval '1 second'"
                + " where listing_id = ? and customer_id = ?", listing, subscribed.get(1).id());
        submitUntilSettled(listing);
        assertThat(TestSql.rows("select status, reason from marketplace_submission where listing_id = ? and customer_id = ?",
                listing, subscribed.get(1).id()).get(0)).containsEntry("status", "DUPLICATE").containsEntry("reason", "DuplicateRecord");

        // a late event for the hour sent: the correction is kept beside it, never a second record
        sendUsage(subscribed.get(3).id(), vendor.id(), listing, "1.5", hour.plusSeconds(120));
        await().atMost(PATIENCE).until(() -> TestSql.number("select count(*) from marketplace_submission where listing_id = ?"
                + " and customer_id = ? and unsubmitted_correction = 1.5 and quantity = 2.5", listing, subscribed.get(3).id()) == 1);
        int afterCorrection = aws.requests().size();
        submitter.submitDue().await().atMost(PATIENCE);
        assertThat(aws.requests()).hasSize(afterCorrection);
    }

    @Test
    void sendsAzureUsageEventsPerResourceDimensionAndHour() {
        String listing = Ids.next("lst");
        Instant hour = Instant.now().truncatedTo(ChronoUnit.HOURS).minus(3, ChronoUnit.HOURS);
        TestOrganization subscribedTenant = partner.child("TENANT");
        String resource = java.util.UUID.randomUUID().toString();
        azure.subscribe(resource, "flex-plan", "calls");
        publishCustomer(subscribedTenant, Map.of("azureResourceId", resource, "azurePlanId", "flex-plan"));
        TestOrganization unknownResource = partner.child("TENANT");
        publishCustomer(unknownResource, Map.of("azureResourceId:" + listing, java.util.UUID.randomUUID().toString(),
                "azurePlanId", "flex-plan"));
        prepare(listing, "azure", "flex-offer", unknownResource);

        sendUsage(subscribedTenant.id(), vendor.id(), listing, "1.25", hour.plusSeconds(10));
        sendUsage(subscribedTenant.id(), vendor.id(), listing, "1.5", hour.plusSeconds(20));
        sendUsage(unknownResource.id(), vendor.id(), listing, "4", hour.plusSeconds(30));
        closeAndAwaitClaims(listing, 2);

        int before = azure.requests().size();
        azure.throttleNext(1);
        submitUntilSettled(listing);

        assertThat(statuses(listing)).containsExactlyInAnyOrderEntriesOf(Map.of("ACCEPTED/-", 1L,
                "REJECTED/ResourceNotFound", 1L));
        List<JsonNode> calls = azure.requests().subList(before, azure.requests().size());
        assertThat(calls).hasSize(2); // throttled once (429), then taken
        JsonNode event = calls.get(1).path("request").get(0);
        assertThat(event.fieldNames()).toIterable().containsExactlyInAnyOrder("resourceId", "quantity", "dimension",
                "effectiveStartTime", "planId");
        JsonNode accepted = azure.accepted().get(resource + "\ncalls\n" + hour);
        assertThat(accepted.path("quantity").decimalValue()).isEqualByComparingTo(new BigDecimal("2.75"));
        assertThat(accepted.path("effectiveStartTime").asText()).isEqualTo(hour.toString());
        assertThat(accepted.path("planId").asText()).isEqualTo("flex-plan");
    }

    @Test
    void showsSubmissionsToTheListingsVendorAndThePlatformOnly() {
        String listing = Ids.next("lst");
        Instant hour = Instant.now().truncatedTo(ChronoUnit.HOURS).minus(4, ChronoUnit.HOURS);
        TestOrganization tenant = partner.child("TENANT");
        TestOrganization otherVendor = OrganizationEvents.PLATFORM.child("VENDOR");
        String resource = java.util.UUID.randomUUID().toString();
        azure.subscribe(resource, "flex-plan", "calls");
        OrganizationEvents.send(distributor, "Distributor", "FI", 0);
        OrganizationEvents.send(partner, "Partner", "FI", 0);
        OrganizationEvents.send(otherVendor, "Other vendor", "FI", 0);
        publishCustomer(tenant, Map.of("azureResourceId", resource, "azurePlanId", "flex-plan"));
        prepare(listing, "azure", "flex-offer", tenant);
        sendUsage(tenant.id(), vendor.id(), listing, "7", hour.plusSeconds(10));
        closeAndAwaitClaims(listing, 1);
        submitUntilSettled(listing);
        String id = (String) TestSql.rows("select id from marketplace_submission where listing_id = ?", listing).get(0).get("id");
        await().atMost(PATIENCE).until(() -> TestSql.number("select count(*) from directory_organization where id in (?, ?, ?)",
                vendor.id(), otherVendor.id(), tenant.id()) == 3);

        TestOrganization[] callers = { OrganizationEvents.PLATFORM, distributor, partner, tenant, vendor, otherVendor };
        AuthorizationMatrix.get("/api/v1/metering/submissions?listingId=" + listing)
                .requiring(Scopes.READ_METERING).exposing(id, vendor.path()).hiddenWith(200).callersFrom(callers).verify();
        AuthorizationMatrix.get("/api/v1/metering/submissions/" + id)
                .requiring(Scopes.READ_METERING).exposing(id, vendor.path()).callersFrom(callers).verify();
        AuthorizationMatrix.get("/api/v1/metering/submissions/-dump")
                .requiring(Scopes.READ_METERING).exposing(id, vendor.path()).hiddenWith(200).callersFrom(callers).verify();

        String vendorToken = TestTokens.forRole(Role.VENDOR_ADMIN, vendor);
        given().auth().oauth2(vendorToken).get("/api/v1/metering/submissions?listingId=" + listing + "&status=ACCEPTED")
                .then().statusCode(200)
                .body("data", hasSize(1))
                .body("data[0].marketplace", equalTo("azure"))
                .body("data[0].customerId", equalTo(tenant.id()))
                .body("data[0].accountId", equalTo(resource))
                .body("data[0].submittedQuantity", equalTo(7))
                .body("data[0].hourStart", equalTo(hour.toString()));
        for (String[] bad : new String[][] { { "colour=blue", "colour" }, { "limit=0", "limit" }, { "sort=price", "sort" },
                { "hourStart[gte]=yesterday", "hourStart" } }) {
            given().auth().oauth2(vendorToken).get("/api/v1/metering/submissions?" + bad[0])
                    .then().statusCode(400).body("errors[0].field", equalTo(bad[1]));
        }
        given().auth().oauth2(vendorToken).get("/api/v1/metering/submissions/msb_nothing").then().statusCode(404);
    }

    /** Publishes the vendor, the listing and waits until the read models know them and {@code lastCustomer}. */
    private void prepare(String listing, String marketplace, String productCode, TestOrganization lastCustomer) {
        OrganizationEvents.send(vendor, "Vendor " + vendor.id(), "FI", 0);
        publishListing(listing, marketplace, vendor.id(), productCode);
        await().atMost(PATIENCE).until(() -> listings.get(listing) != null && organizations.get(lastCustomer.id()) != null
                && organizations.get(vendor.id()) != null);
    }

    private void closeAndAwaitClaims(String listing, long claims) {
        await().atMost(PATIENCE).until(() -> TestSql.number(
                "select count(*) from usage_aggregate where listing_id = ?", listing) >= claims);
        await().atMost(PATIENCE).until(() -> {
            closing.closeDue().await().atMost(PATIENCE);
            return TestSql.number("select count(*) from marketplace_submission where listing_id = ?", listing) == claims;
        });
    }

    private void submitUntilSettled(String listing) {
        await().atMost(PATIENCE).pollInterval(Duration.ofMillis(300)).until(() -> {
            submitter.submitDue().await().atMost(PATIENCE);
            return TestSql.number("select count(*) from marketplace_submission where listing_id = ?"
                    + " and status in ('PENDING', 'SUBMITTING')", listing) == 0;
        });
    }

    private static Map<String, Long> statuses(String listing) {
        Map<String, Long> statuses = new java.util.HashMap<>();
        for (Map<String, Object> row : TestSql.rows("select status || '/' || coalesce(reason, '-') as outcome, count(*) as n"
                + " from marketplace_submission where listing_id = ? group by 1", listing)) {
            statuses.put((String) row.get("outcome"), ((Number) row.get("n")).longValue());
        }
        return statuses;
    }

    private static String account(TestOrganization tenant) {
        return String.valueOf(100_000_000_000L + Math.abs(tenant.id().hashCode()) % 900_000_000_000L);
    }
}
