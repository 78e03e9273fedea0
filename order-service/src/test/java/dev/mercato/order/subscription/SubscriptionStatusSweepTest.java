package dev.mercato.order.subscription;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import dev.mercato.order.TestContracts;
import dev.mercato.order.contract.ContractCreated;
import dev.mercato.platform.events.Topics;
import dev.mercato.testkit.OrganizationEvents;
import dev.mercato.testkit.TestKafka;
import dev.mercato.testkit.TestOrganization;
import dev.mercato.testkit.TestSql;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;

/**
 * Subscription statuses follow the calendar without a request: a sweep flips a subscription whose start or
 * end date has come (the day is moved under it in SQL, as midnight would) and publishes it and its
 * entitlement. Customers in Greece (GR).
 */
@QuarkusTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SubscriptionStatusSweepTest {

    private static final LocalDate TODAY = LocalDate.now(ZoneOffset.UTC);

    private final TestOrganization partner = OrganizationEvents.PLATFORM.child("DISTRIBUTOR").child("PARTNER");
    private final TestOrganization tenant = partner.child("TENANT");

    @Inject
    TestContracts contracts;

    @Inject
    SubscriptionStatusSweep sweep;

    @BeforeAll
    void publishTheTree() {
        TestContracts.publish("GR", partner, tenant);
    }

    @Test
    void startsASubscriptionOnItsStartDate() {
        ContractCreated created = contracts.create(tenant, TODAY.plusDays(3), TODAY.plusYears(1),
                TestContracts.item("STARTS-1", 1));
        Subscription subscription = created.subscriptions().get(0);
        assertThat(subscription.status).isEqualTo(SubscriptionStatus.INACTIVE);
        assertThat(TestSql.number("select seats from entitlement where customer_id = ? and sku = 'STARTS-1'",
                tenant.id())).isZero();

        TestSql.execute("update subscription set start_date = ? where id = ?", TODAY, subscription.id);

        await().atMost(Duration.ofSeconds(20)).until(() -> "ACTIVE".equals(statusOf(subscription)));
        TestKafka.awaitRecord(Topics.ORDERS_SUBSCRIPTIONS, record -> record.key().equals(subscription.id)
                && record.value().contains("\"status\":\"ACTIVE\""), Duration.ofSeconds(30));
        await().atMost(Duration.ofSeconds(20)).until(() -> TestSql.number(
                "select seats from entitlement where customer_id = ? and sku = 'STARTS-1' and status = 'ACTIVE'",
                tenant.id()) == 1);
    }

    @Test
    void expiresASubscriptionTheDayAfterItsEndDate() throws Throwable {
        ContractCreated created = contracts.create(tenant, TODAY.minusMonths(11), TODAY.plusDays(2),
                TestContracts.item("ENDS-1", 3));
        Subscription subscription = created.subscriptions().get(0);
        assertThat(subscription.status).isEqualTo(SubscriptionStatus.ACTIVE);

        TestSql.execute("update subscription set end_date = ? where id = ?", TODAY.minusDays(1), subscription.id);
        VertxContextSupport.subscribeAndAwait(sweep::run);
        VertxContextSupport.subscribeAndAwait(sweep::run);

        // the scheduled sweep may hold the row (skip locked) while this one runs: it commits the same change
        await().atMost(Duration.ofSeconds(20)).until(() -> "EXPIRED".equals(statusOf(subscription)));
        TestKafka.awaitRecord(Topics.ORDERS_SUBSCRIPTIONS, record -> record.key().equals(subscription.id)
                && record.value().contains("\"status\":\"EXPIRED\""), Duration.ofSeconds(30));
        TestKafka.awaitRecord(Topics.ORDERS_ENTITLEMENTS, record -> record.value().contains("ENDS-1")
                && record.value().contains("\"status\":\"EXPIRED\"") && record.value().contains("\"seats\":0"),
                Duration.ofSeconds(30));
        // Flipped once, however often the sweep ran.
        assertThat(TestKafka.readAll(Topics.ORDERS_SUBSCRIPTIONS, Duration.ofSeconds(3)).stream()
                .filter(record -> record.key().equals(subscription.id) && record.value().contains("\"status\":\"EXPIRED\""))
                .count()).isEqualTo(1);
    }

    private static String statusOf(Subscription subscription) {
        return (String) TestSql.rows("select status from subscription where id = ?", subscription.id).get(0).get("status");
    }
}
