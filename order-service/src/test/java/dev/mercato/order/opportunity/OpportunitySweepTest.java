package dev.mercato.order.opportunity;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import dev.mercato.order.TestContracts;
import dev.mercato.order.contract.ContractCreated;
import dev.mercato.platform.events.OpportunityChangedV1;
import dev.mercato.platform.events.Topics;
import dev.mercato.testkit.OrganizationEvents;
import dev.mercato.testkit.TestKafka;
import dev.mercato.testkit.TestOrganization;
import dev.mercato.testkit.TestSql;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;

/**
 * Renewal opportunities open 90 days before subscriptions end, one per contract and end date, however often
 * the sweep runs; they list the subscriptions ending then, which carry their number. Customers in Croatia (HR).
 */
@QuarkusTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OpportunitySweepTest {

    private static final LocalDate TODAY = LocalDate.now(ZoneOffset.UTC);

    private final TestOrganization partner = OrganizationEvents.PLATFORM.child("DISTRIBUTOR").child("PARTNER");
    private final TestOrganization tenant = partner.child("TENANT");

    @Inject
    TestContracts contracts;

    @Inject
    OpportunitySweep sweep;

    @Inject
    OpportunityService service;

    @BeforeAll
    void publishTheTree() {
        TestContracts.publish("HR", partner, tenant);
    }

    @Test
    void opensOneOpportunityNinetyDaysBeforeTheEndDate() throws Throwable {
        LocalDate end = TODAY.plusDays(90);
        ContractCreated created = contracts.create(tenant, end.minusYears(1).plusDays(1), end,
                TestContracts.item("RENEW-1", 2), TestContracts.item("RENEW-2", 1),
                TestContracts.item("RENEW-LATER", 1).withDates(TODAY, end.plusDays(1)));
        String contractId = created.contract().id;

        VertxContextSupport.subscribeAndAwait(sweep::run);
        VertxContextSupport.subscribeAndAwait(sweep::run);

        assertThat(TestSql.number("select count(*) from opportunity where contract_id = ?", contractId)).isEqualTo(1);
        Map<String, Object> opportunity = TestSql.rows(
                "select id, opportunity_number, subscription_end_date from opportunity where contract_id = ?",
                contractId).get(0);
        String number = (String) opportunity.get("opportunity_number");
        assertThat(number).matches("A-\\d{8}");
        assertThat(opportunity.get("subscription_end_date").toString()).isEqualTo(end.toString());
        assertThat(TestSql.number("select count(*) from subscription where contract_id = ? and opportunity_number = ?",
                contractId, number)).isEqualTo(2);
        given().auth().oauth2(OrganizationEvents.platformAdmin()).get("/api/v1/opportunities/" + number)
                .then().statusCode(200)
                .body("data.salesStatus", equalTo("NOT_CONTACTED"))
                .body("data.items", hasSize(2))
                .body("data.totalSeats", equalTo(3))
                .body("data.contractNumber", equalTo(created.contract().contractNumber))
                .body("data.contactEmail", equalTo("viktor@mineparts.example"));
        String id = (String) opportunity.get("id");
        assertThat(TestKafka.readAll(Topics.ORDERS_OPPORTUNITIES, Duration.ofSeconds(3)).stream()
                .filter(record -> record.key().equals(id)).count()).isEqualTo(1);
        TestKafka.awaitRecord(Topics.ORDERS_OPPORTUNITIES, record -> record.key().equals(id)
                && new String(record.headers().lastHeader("ce_type").value()).equals(OpportunityChangedV1.CHANGED),
                Duration.ofSeconds(10));
        // The subscriptions were published again with the number; their entitlement did not change, so it was not.
        String entitlement = (String) TestSql.rows("select id from entitlement where customer_id = ? and sku = 'RENEW-1'",
                tenant.id()).get(0).get("id");
        assertThat(TestKafka.readAll(Topics.ORDERS_ENTITLEMENTS, Duration.ofSeconds(3)).stream()
                .filter(record -> record.key().equals(entitlement)).count()).isEqualTo(1);
    }

    @Test
    void closesAnOpportunityARenewalConsumedOnce() throws Throwable {
        LocalDate end = TODAY.plusDays(30);
        ContractCreated created = contracts.create(tenant, end.minusYears(1).plusDays(1), end,
                TestContracts.item("CLOSE-1", 1));
        VertxContextSupport.subscribeAndAwait(sweep::run);
        String number = (String) TestSql.rows("select opportunity_number from opportunity where contract_id = ?",
                created.contract().id).get(0).get("opportunity_number");

        Opportunity closed = TestContracts.inTransaction(() -> service.close(number, SalesStatus.RENEW_BUYING_AS_IS));

        assertThat(closed.closedAt).isNotNull();
        assertThat(closed.salesStatus).isEqualTo(SalesStatus.RENEW_BUYING_AS_IS);
        assertThatThrownBy(() -> TestContracts.inTransaction(() -> service.close(number, SalesStatus.RENEW_BUYING_AS_IS)))
                .hasMessageContaining("closed");
    }

    @Test
    void opensNoOpportunityEarlierThanNinetyDays() throws Throwable {
        ContractCreated created = contracts.create(tenant, TODAY, TODAY.plusDays(91), TestContracts.item("EARLY-1", 1));

        VertxContextSupport.subscribeAndAwait(sweep::run);

        assertThat(TestSql.number("select count(*) from opportunity where contract_id = ?", created.contract().id))
                .isZero();
    }
}
