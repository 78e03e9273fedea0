package dev.mercato.order.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.mercato.testkit.OrganizationEvents;
import dev.mercato.testkit.TestOrganization;
import dev.mercato.testkit.TestSql;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The inbox tries an event again when its transaction failed: a few times for any failure, more often when it lost
 * a race with another transaction (as two processors of one customer's orders do over the rows they share).
 */
@QuarkusTest
class ConsumerRetryTest {

    @Test
    void retriesAnEventWhoseTransactionTheDatabaseFailedAndAppliesItOnce() {
        TestOrganization tenant = OrganizationEvents.newOrganization("TENANT");
        try (FlakyInserts flaky = new FlakyInserts(tenant, 2, "40001")) {
            String eventId = OrganizationEvents.send(tenant, "Flaky Oy", "EE", 0);

            await().atMost(Duration.ofSeconds(30))
                    .until(() -> TestSql.number("select count(*) from account where id = ?", tenant.id()) == 1);
            assertThat(flaky.attempts()).isEqualTo(3);
            assertThat(TestSql.rows("select name from account where id = ?", tenant.id()))
                    .containsExactly(Map.of("name", "Flaky Oy"));
            assertThat(TestSql.number("select count(*) from processed_event where event_id = ?", eventId)).isEqualTo(1);
        }
    }

    @Test
    void keepsRetryingAnEventThatLostRacesUntilItWins() {
        TestOrganization tenant = OrganizationEvents.newOrganization("TENANT");
        try (FlakyInserts flaky = new FlakyInserts(tenant, 8, "23505")) {
            String eventId = OrganizationEvents.send(tenant, "Contended Oy", "EE", 0);

            await().atMost(Duration.ofSeconds(60))
                    .until(() -> TestSql.number("select count(*) from account where id = ?", tenant.id()) == 1);
            assertThat(flaky.attempts()).isEqualTo(9);
            assertThat(TestSql.number("select count(*) from processed_event where event_id = ?", eventId)).isEqualTo(1);
        }
    }

    @Test
    void givesUpOnAnyOtherFailureAfterFourAttempts() {
        TestOrganization tenant = OrganizationEvents.newOrganization("TENANT");
        try (FlakyInserts flaky = new FlakyInserts(tenant, 8, "22012")) {
            String eventId = OrganizationEvents.send(tenant, "Broken Oy", "EE", 0);

            await().atMost(Duration.ofSeconds(60)).until(() -> flaky.attempts() >= 4);
            await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(10)).until(() -> flaky.attempts() == 4);
            assertThat(TestSql.number("select count(*) from account where id = ?", tenant.id())).isZero();
            assertThat(TestSql.number("select count(*) from processed_event where event_id = ?", eventId)).isZero();
        }
    }

    /**
     * The first {@code failures} inserts of the organization's account fail with {@code sqlState}; a sequence counts
     * the attempts, since it is not rolled back with them.
     */
    private static final class FlakyInserts implements AutoCloseable {
        private final String suffix = Long.toString(System.nanoTime());

        FlakyInserts(TestOrganization organization, int failures, String sqlState) {
            TestSql.execute("create sequence account_insert_attempts_" + suffix);
            TestSql.execute("""
                    create function fail_account_inserts_%1$s() returns trigger language plpgsql as $$
                    begin
                      if new.id = '%2$s' and nextval('account_insert_attempts_%1$s') <= %3$d then
                        raise exception 'simulated failure %4$s' using errcode = '%4$s';
                      end if;
                      return new;
                    end $$""".formatted(suffix, organization.id(), failures, sqlState));
            TestSql.execute("create trigger flaky_account_insert_" + suffix + " before insert on account for each row"
                    + " execute function fail_account_inserts_" + suffix + "()");
        }

        long attempts() {
            return TestSql.number("select last_value from account_insert_attempts_" + suffix);
        }

        @Override
        public void close() {
            TestSql.execute("drop trigger flaky_account_insert_" + suffix + " on account");
            TestSql.execute("drop function fail_account_inserts_" + suffix + "()");
            TestSql.execute("drop sequence account_insert_attempts_" + suffix);
        }
    }
}
