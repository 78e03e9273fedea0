package dev.mercato.order.contract;

import static dev.mercato.testkit.TestKafka.header;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import dev.mercato.order.TestContracts;
import dev.mercato.order.subscription.Deployment;
import dev.mercato.order.subscription.NewArticle;
import dev.mercato.order.subscription.Subscription;
import dev.mercato.order.subscription.SubscriptionService;
import dev.mercato.platform.events.ContractChangedV1;
import dev.mercato.platform.events.EntitlementChangedV1;
import dev.mercato.platform.events.SubscriptionChangedV1;
import dev.mercato.platform.events.Topics;
import dev.mercato.testkit.OrganizationEvents;
import dev.mercato.testkit.TestKafka;
import dev.mercato.testkit.TestOrganization;
import dev.mercato.testkit.TestSql;
import io.quarkus.test.junit.QuarkusTest;

/**
 * What transaction processing does to contracts through the domain services — create with subscriptions,
 * add subscriptions, add seats, move the end date, switch a SKU — and what each publishes. Customers in
 * Estonia (EE) under one partner.
 */
@QuarkusTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ContractServiceTest {

    private static final LocalDate TODAY = LocalDate.now(java.time.ZoneOffset.UTC);

    private final TestOrganization distributor = OrganizationEvents.PLATFORM.child("DISTRIBUTOR");
    private final TestOrganization partner = distributor.child("PARTNER");
    private final TestOrganization tenant = partner.child("TENANT");
    private final TestOrganization cotermTenant = partner.child("TENANT");

    @Inject
    TestContracts contracts;

    @Inject
    ContractService contractService;

    @Inject
    SubscriptionService subscriptionService;

    @BeforeAll
    void publishTheTree() {
        TestContracts.publish("EE", distributor, partner, tenant, cotermTenant);
    }

    @Test
    void createsAContractWithNumberedSubscriptionsAndPublishesEverySnapshot() {
        ContractCreated created = contracts.create(tenant, TODAY.minusDays(10), TODAY.plusYears(1),
                TestContracts.item("057I1-006845-L846", 2).withTeam("Design", "admin@mineparts.example", "Ada", "Admin"),
                TestContracts.item("LST-METERED", 1).withListing("lst_metered", List.of("api_calls", "storage")));
        Contract contract = created.contract();

        assertThat(contract.contractNumber).matches("\\d{12}");
        assertThat(created.subscriptions()).extracting(s -> s.serialNumber).allMatch(s -> s.matches("\\d{3}-\\d{8}"));
        given().auth().oauth2(OrganizationEvents.platformAdmin()).get("/api/v1/contracts/" + contract.contractNumber)
                .then().statusCode(200)
                .body("data.items", hasSize(2))
                .body("data.totalSeats", equalTo(3))
                .body("data.totalQuantity", equalTo(3))
                .body("data.purPrice.eur", equalTo(1200))
                .body("data.srpPrice.sek", equalTo(13500))
                .body("data.resellerCsn", equalTo(csnOf(partner)))
                .body("data.distributorCsn", equalTo(csnOf(distributor)))
                .body("data.contractManagerEmail", equalTo("viktor@mineparts.example"));

        ConsumerRecord<String, String> event = TestKafka.awaitRecord(Topics.ORDERS_CONTRACTS,
                record -> record.key().equals(contract.id) && record.value().contains("\"totalSeats\":3"),
                Duration.ofSeconds(30));
        assertThat(header(event, "ce_type")).isEqualTo(ContractChangedV1.CHANGED);
        Subscription first = created.subscriptions().get(0);
        ConsumerRecord<String, String> subscription = TestKafka.awaitRecord(Topics.ORDERS_SUBSCRIPTIONS,
                record -> record.key().equals(first.id), Duration.ofSeconds(30));
        assertThat(header(subscription, "ce_type")).isEqualTo(SubscriptionChangedV1.CHANGED);
        assertThat(subscription.value()).contains("\"status\":\"ACTIVE\"", "\"seats\":2", first.serialNumber);
        ConsumerRecord<String, String> entitlement = TestKafka.awaitRecord(Topics.ORDERS_ENTITLEMENTS,
                record -> record.value().contains("lst_metered") && record.value().contains(tenant.id()),
                Duration.ofSeconds(30));
        assertThat(header(entitlement, "ce_type")).isEqualTo(EntitlementChangedV1.CHANGED);
        assertThat(entitlement.value()).contains("\"dimensions\":[\"api_calls\",\"storage\"]", "\"seats\":1");

        assertThat(TestSql.number("select count(*) from contact where customer_id = ?", tenant.id())).isGreaterThanOrEqualTo(2);
        assertThat(TestSql.number("select seats from team where customer_id = ? and name = 'Design'", tenant.id()))
                .isEqualTo(2);
    }

    @Test
    void addsSeatsToASubscriptionAndItsEntitlement() {
        ContractCreated created = contracts.create(tenant, TODAY, TODAY.plusYears(1), TestContracts.item("SEATS-1", 1));
        String serial = created.subscriptions().get(0).serialNumber;

        TestContracts.inTransaction(() -> subscriptionService.addSeats(serial, 4));

        given().auth().oauth2(OrganizationEvents.platformAdmin()).get("/api/v1/subscriptions/" + serial)
                .then().statusCode(200).body("data.quantity", equalTo(5)).body("data.seats", equalTo(5))
                .body("data.totalPurPrice.eur", equalTo(2000));
        assertThat(TestSql.number("select seats from entitlement where customer_id = ? and sku = 'SEATS-1'",
                tenant.id())).isEqualTo(5);
        TestKafka.awaitRecord(Topics.ORDERS_ENTITLEMENTS,
                record -> record.value().contains("SEATS-1") && record.value().contains("\"seats\":5"),
                Duration.ofSeconds(30));
        TestKafka.awaitRecord(Topics.ORDERS_CONTRACTS,
                record -> record.key().equals(created.contract().id) && record.value().contains("\"totalSeats\":5"),
                Duration.ofSeconds(30));
    }

    @Test
    void addsCotermedSubscriptionsToAContract() {
        LocalDate end = TODAY.plusMonths(7);
        ContractCreated created = contracts.create(tenant, TODAY.minusMonths(5), end, TestContracts.item("BASE-1", 1));

        List<Subscription> added = TestContracts.inTransaction(() -> contractService.addSubscriptions(
                created.contract().contractNumber, List.of(TestContracts.item("ADDED-1", 3))));

        assertThat(added).singleElement().satisfies(subscription -> {
            assertThat(subscription.startDate).isEqualTo(TODAY);
            assertThat(subscription.endDate).isEqualTo(end);
        });
        assertThat(TestSql.number("select total_seats from contract where id = ?", created.contract().id)).isEqualTo(4);
    }

    @Test
    void movesAContractsEndDateWithItsSubscriptions() {
        ContractCreated created = contracts.create(tenant, TODAY.minusMonths(1), TODAY.plusMonths(11),
                TestContracts.item("EXTEND-1", 1), TestContracts.item("EXTEND-2", 1));
        LocalDate later = TODAY.plusMonths(14);

        TestContracts.inTransaction(() -> contractService.changeEndDate(created.contract().contractNumber, later));

        assertThat(TestSql.number("select count(*) from subscription where contract_id = ? and end_date = ?",
                created.contract().id, later)).isEqualTo(2);
        TestKafka.awaitRecord(Topics.ORDERS_CONTRACTS, record -> record.key().equals(created.contract().id)
                && record.value().contains("\"contractEndDate\":\"" + later + "\""), Duration.ofSeconds(30));
    }

    @Test
    void switchesASubscriptionToAnotherSkuAndMovesItsEntitlement() {
        ContractCreated created = contracts.create(tenant, TODAY, TODAY.plusYears(1), TestContracts.item("S2S-OLD", 2));
        String serial = created.subscriptions().get(0).serialNumber;

        TestContracts.inTransaction(() -> subscriptionService.replaceSku(serial,
                new NewArticle("S2S-NEW", "New product", "NEWPL", Deployment.SINGLE_USER, 1, TestContracts.PRICES)));

        assertThat(TestSql.rows("select status, seats from entitlement where customer_id = ? and sku = 'S2S-OLD'",
                tenant.id())).singleElement().satisfies(row -> {
                    assertThat(row.get("status")).isEqualTo("EXPIRED");
                    assertThat(row.get("seats")).isEqualTo(0);
                });
        assertThat(TestSql.number("select seats from entitlement where customer_id = ? and sku = 'S2S-NEW'",
                tenant.id())).isEqualTo(2);
    }

    @Test
    void retiresATradedInSubscriptionAtOnce() {
        ContractCreated created = contracts.create(tenant, TODAY.minusMonths(2), TODAY.plusMonths(10),
                TestContracts.item("MU-1", 2), TestContracts.item("KEEP-1", 1));
        String serial = created.subscriptions().get(0).serialNumber;

        TestContracts.inTransaction(() -> subscriptionService.retire(serial));

        given().auth().oauth2(OrganizationEvents.platformAdmin()).get("/api/v1/subscriptions/" + serial)
                .then().statusCode(200).body("data.status", equalTo("EXPIRED"));
        given().auth().oauth2(OrganizationEvents.platformAdmin())
                .get("/api/v1/contracts/" + created.contract().contractNumber)
                .then().statusCode(200).body("data.items", hasSize(1)).body("data.totalSeats", equalTo(1));
        assertThat(TestSql.number("select seats from entitlement where customer_id = ? and sku = 'MU-1'", tenant.id()))
                .isZero();
        assertThatThrownBy(() -> TestContracts.inTransaction(() -> subscriptionService.addSeats(serial, 1)))
                .hasMessageContaining("retired");
    }

    @Test
    void offersTheLaterEndDatesOfTheCustomersOtherRunningContractsForExtension() {
        Contract short1 = contracts.create(cotermTenant, TODAY, TODAY.plusMonths(6), TestContracts.item("CO-1", 1)).contract();
        contracts.create(cotermTenant, TODAY, TODAY.plusMonths(18), TestContracts.item("CO-2", 1));
        contracts.create(cotermTenant, TODAY, TODAY.plusMonths(18), TestContracts.item("CO-3", 1));
        contracts.create(cotermTenant, TODAY.minusMonths(3), TODAY.plusMonths(3), TestContracts.item("CO-4", 1));
        contracts.create(tenant, TODAY, TODAY.plusMonths(30), TestContracts.item("CO-OTHER-CUSTOMER", 1));

        given().auth().oauth2(OrganizationEvents.platformAdmin())
                .get("/api/v1/contracts/" + short1.contractNumber + "/coterm-dates")
                .then().statusCode(200)
                .body("data.contractEndDate", equalTo(TODAY.plusMonths(6).toString()))
                .body("data.cotermDates", contains(TODAY.plusMonths(18).toString()));
    }


    private static String csnOf(TestOrganization organization) {
        return (String) TestSql.rows("select csn from account where id = ?", organization.id()).get(0).get("csn");
    }
}
