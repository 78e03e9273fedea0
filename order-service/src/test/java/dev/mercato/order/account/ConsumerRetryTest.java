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

@QuarkusTest
class ConsumerRetryTest {

    @Test
    void retriesAnEventWhoseTransactionTheDatabaseFailedAndAppliesItOnce() {
        TestOrganization tenant = OrganizationEvents.newOrganization("TENANT");
        // The first two inserts of this account fail as a serialization failure would; a sequence
        // counts the attempts, since it is not rolled back with them.
        TestSql.execute("create sequence account_insert_attempts");
        TestSql.execute("""
                create function fail_first_two_account_inserts() returns trigger language plpgsql as $$
                begin
                  if new.id = '%s' and nextval('account_insert_attempts') <= 2 then
                    raise exception 'simulated serialization failure' using errcode = '40001';
                  end if;
                  return new;
                end $$""".formatted(tenant.id()));
        TestSql.execute("create trigger flaky_account_insert before insert on account for each row"
                + " execute function fail_first_two_account_inserts()");
        try {
            String eventId = OrganizationEvents.send(tenant, "Flaky Oy", "EE", 0);

            await().atMost(Duration.ofSeconds(30))
                    .until(() -> TestSql.number("select count(*) from account where id = ?", tenant.id()) == 1);
            assertThat(TestSql.number("select last_value from account_insert_attempts")).isEqualTo(3);
            assertThat(TestSql.rows("select name from account where id = ?", tenant.id()))
                    .containsExactly(Map.of("name", "Flaky Oy"));
            assertThat(TestSql.number("select count(*) from processed_event where event_id = ?", eventId)).isEqualTo(1);
        } finally {
            TestSql.execute("drop trigger flaky_account_insert on account");
            TestSql.execute("drop function fail_first_two_account_inserts()");
            TestSql.execute("drop sequence account_insert_attempts");
        }
    }
}
