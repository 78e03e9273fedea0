package dev.mercato.order.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import dev.mercato.order.TestContracts;
import dev.mercato.platform.events.ContractExpiringV1;
import dev.mercato.platform.events.Topics;
import dev.mercato.testkit.OrganizationEvents;
import dev.mercato.testkit.TestKafka;
import dev.mercato.testkit.TestOrganization;
import dev.mercato.testkit.TestSql;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;

/**
 * {@code contract.expiring} goes out at 90, 60 and 30 days before the end date, once each, however often the
 * sweep runs (a restart is one more run: what was sent is in the table), late rather than never, and only
 * for thresholds reached while the contract had that end date. Customers in Lithuania (LT).
 */
@QuarkusTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ContractExpirySweepTest {

    private static final LocalDate TODAY = LocalDate.now(ZoneOffset.UTC);

    private final TestOrganization partner = OrganizationEvents.PLATFORM.child("DISTRIBUTOR").child("PARTNER");
    private final TestOrganization tenant = partner.child("TENANT");

    @Inject
    TestContracts contracts;

    @Inject
    ContractExpirySweep sweep;

    @BeforeAll
    void publishTheTree() {
        TestContracts.publish("LT", partner, tenant);
    }

    @Test
    void sendsEachThresholdOnceEvenWhenTheSweepRunsAgain() throws Throwable {
        Contract contract = contracts.create(tenant, TODAY.minusMonths(11), TODAY.plusDays(20),
                TestContracts.item("EXPIRING-1", 1)).contract();
        // The end date was set long ago: the service was down at 90 and 60 days, the notices are late, not lost.
        TestSql.execute("update contract set end_date_set_on = ? where id = ?", TODAY.minusDays(200), contract.id);

        VertxContextSupport.subscribeAndAwait(sweep::run);
        VertxContextSupport.subscribeAndAwait(sweep::run);

        assertThat(TestSql.rows("select days_before from contract_expiry_notice where contract_id = ? order by days_before",
                contract.id)).extracting(row -> row.get("days_before")).containsExactly(30, 60, 90);
        List<ConsumerRecord<String, String>> notices = TestKafka.readAll(Topics.ORDERS_CONTRACTS, Duration.ofSeconds(4))
                .stream().filter(record -> record.key().equals(contract.id)
                        && ContractExpiringV1.EXPIRING.equals(type(record)))
                .toList();
        assertThat(notices).extracting(ConsumerRecord::value).hasSize(3)
                .anySatisfy(value -> assertThat(value).contains("\"daysBefore\":90", "\"daysLeft\":20",
                        "\"contractNumber\":\"" + contract.contractNumber + "\""))
                .anySatisfy(value -> assertThat(value).contains("\"daysBefore\":60"))
                .anySatisfy(value -> assertThat(value).contains("\"daysBefore\":30"));
    }

    @Test
    void sendsNoNoticeForAThresholdPassedBeforeTheContractExisted() throws Throwable {
        Contract contract = contracts.create(tenant, TODAY.minusMonths(10), TODAY.plusDays(45),
                TestContracts.item("EXPIRING-2", 1)).contract();

        VertxContextSupport.subscribeAndAwait(sweep::run);

        assertThat(TestSql.number("select count(*) from contract_expiry_notice where contract_id = ?", contract.id))
                .isZero();
    }

    @Test
    void sendsTheThresholdReachedToday() throws Throwable {
        Contract contract = contracts.create(tenant, TODAY.minusMonths(10), TODAY.plusDays(60),
                TestContracts.item("EXPIRING-3", 1)).contract();

        VertxContextSupport.subscribeAndAwait(sweep::run);

        assertThat(TestSql.rows("select days_before from contract_expiry_notice where contract_id = ?", contract.id))
                .extracting(row -> row.get("days_before")).containsExactly(60);
    }

    private static String type(ConsumerRecord<String, String> record) {
        return new String(record.headers().lastHeader("ce_type").value(), StandardCharsets.UTF_8);
    }
}
