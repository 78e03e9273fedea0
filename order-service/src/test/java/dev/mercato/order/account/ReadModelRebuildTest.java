package dev.mercato.order.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import dev.mercato.testkit.OrganizationEvents;
import dev.mercato.testkit.TestOrganization;
import dev.mercato.testkit.TestSql;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.reactive.messaging.kafka.KafkaClientService;
import io.smallrye.reactive.messaging.kafka.KafkaConsumer;

/**
 * The accounts read model rebuilt from identity.organizations, as platform-commons/README.md
 * "Rebuild a read model" describes: table and the consumer's processed_event rows emptied, the
 * consumer back at the beginning of the topic. Resetting the group's offsets with the Kafka tool needs
 * the service stopped; here the running consumer seeks to the beginning instead, which is the same
 * for the read model. Accounts may be added by the replay (events once dead-lettered), never lost or changed.
 */
@QuarkusTest
class ReadModelRebuildTest {

    @Inject
    KafkaClientService kafkaClients;

    @Test
    void rebuildsTheAccountsFromTheBeginningOfTheTopicIdentically() {
        TestOrganization distributor = OrganizationEvents.newOrganization("DISTRIBUTOR");
        TestOrganization partner = distributor.child("PARTNER");
        TestOrganization tenant = partner.child("TENANT");
        OrganizationEvents.send(distributor, "Rebuild Distributor", "SE", 0);
        OrganizationEvents.send(partner, "Rebuild Partner", "SE", 0);
        OrganizationEvents.send(tenant, "Rebuild Tenant", "SE", 0);
        OrganizationEvents.send(tenant, "Rebuild Tenant Renamed", "SE", 1);
        OrganizationEvents.send(partner, "Rebuild Partner Renamed", "SE", 2);
        await().atMost(Duration.ofSeconds(20)).until(() -> TestSql.number(
                "select count(*) from account where id = ? and source_version = 2", partner.id()) == 1
                && TestSql.number("select count(*) from account where id = ? and source_version = 1", tenant.id()) == 1
                && TestSql.number("select count(*) from account where id = ?", distributor.id()) == 1);
        List<Map<String, Object>> before = TestSql.rows("select * from account order by id");

        TestSql.execute("delete from account");
        TestSql.execute("delete from processed_event where consumer = ?", OrganizationEventsConsumer.CONSUMER);
        KafkaConsumer<Object, Object> consumer = kafkaClients.getConsumer("identity-organizations");
        consumer.getAssignments().chain(partitions -> consumer.seekToBeginning(partitions))
                .await().atMost(Duration.ofSeconds(10));

        // Every account there was comes back the same. The replay may also apply an event that once went to the
        // dead-letter topic (another test's deliberately failing one), so accounts may be added, never changed.
        Set<Object> ids = before.stream().map(row -> row.get("id")).collect(Collectors.toSet());
        await().atMost(Duration.ofSeconds(30))
                .until(() -> TestSql.number("select count(*) from account") >= before.size());
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(TestSql.rows(
                "select * from account order by id").stream().filter(row -> ids.contains(row.get("id"))).toList())
                .isEqualTo(before));
        assertThat(before).extracting(row -> row.get("name")).contains("Rebuild Tenant Renamed", "Rebuild Partner Renamed");
    }
}
