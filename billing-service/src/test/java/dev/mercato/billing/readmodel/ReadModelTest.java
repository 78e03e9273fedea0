package dev.mercato.billing.readmodel;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.mercato.billing.BillingWorld;
import dev.mercato.platform.events.PlanChangedV1;
import dev.mercato.platform.id.Ids;
import dev.mercato.testkit.OrganizationEvents;
import dev.mercato.testkit.TestKafka;
import dev.mercato.testkit.TestSql;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class ReadModelTest {

    @Test
    void aSubscriptionWithoutPricesIsRatedAtItsArticlesPrices() {
        BillingWorld world = BillingWorld.create();
        String sku = "ART-" + UUID.randomUUID().toString().substring(0, 8);
        String article = Ids.next("art");
        String body = """
                {"id": "%s", "sku": "%s", "packSize": 1, "minimumPurchaseRequirement": false, "ppiEligibility": false,
                 "pviEligibility": false, "rpiEligibility": false, "premiumEligibleProductLine": false,
                 "premiumEligibleSku": false, "purPrice": {"eur": 21.00}, "srpPrice": {"eur": 30.00}, "version": 1}"""
                .formatted(article, sku);
        TestKafka.send("catalog.articles", article, body,
                TestKafka.cloudEventHeaders(UUID.randomUUID().toString(), "mercato.catalog.article.changed.v1", article));
        BillingWorld.awaitRow("select count(*) from billing_article where sku = ?", sku);
        world.publishSubscription(Ids.next("sub"), world.tenant, world.day(1), world.month.atEndOfMonth(), 3, sku, Map.of(),
                Map.of(), null, Instant.now(), 1);

        given().auth().oauth2(OrganizationEvents.platformAdmin()).queryParam("period", world.month.toString())
                .queryParam("customerId", world.tenant.id()).get("/api/v1/billing/summary").then().statusCode(200)
                .body("data.charges.RECURRING", equalTo(90.00f))
                .body("data.total", equalTo(90.00f));
    }

    @Test
    void keepsOnlyPublishedPlanVersionsAndIgnoresAnOlderSnapshot() {
        BillingWorld world = BillingWorld.create();
        String listing = Ids.next("lst");
        String plan = world.plan(listing, world.platform.id(), "eur", null,
                List.of(BillingWorld.usagePrice(listing, "calls", "UNIT", "0", null, "0.50")));
        Instant then = Instant.parse("2000-01-01T00:00:00Z");
        PlanChangedV1 older = new PlanChangedV1(plan, world.platform.id(), "Plan", null, "lst_elsewhere", 1, 2, List.of(
                new PlanChangedV1.PlanVersionV1(2, "DRAFT", "eur", null, null, List.of(), then, null)), then, then, 0);
        String olderEvent = world.send("catalog.plans", plan, PlanChangedV1.TYPE, older);
        BillingWorld.awaitRow("select count(*) from processed_event where event_id = ?", olderEvent);

        assertThat(TestSql.rows("select listing_id from billing_plan where id = ?", plan).getFirst())
                .containsEntry("listing_id", listing);
        assertThat(TestSql.number("select count(*) from billing_plan_version where plan_id = ?", plan)).isOne();
    }

    @Test
    void sendsNegativeUsageToTheDeadLetterTopic() {
        String id = Ids.next("agg");
        TestKafka.send("metering.aggregates", id, """
                {"id": "%s", "customerId": "org_x", "dimension": "calls", "hourStart": "2026-10-01T00:00:00Z",
                 "aggregation": "SUM", "value": -5, "count": 1, "uniqueCount": 0, "revision": 1}""".formatted(id),
                TestKafka.cloudEventHeaders(UUID.randomUUID().toString(), "mercato.metering.aggregate.closed.v1", id));
        TestKafka.awaitRecord("billing.dead-letter", record -> id.equals(record.key()), Duration.ofSeconds(30));
        assertThat(TestSql.number("select count(*) from billing_usage where id = ?", id)).isZero();
    }
}
