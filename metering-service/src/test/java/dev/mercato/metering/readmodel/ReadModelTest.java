package dev.mercato.metering.readmodel;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.UUID;

import jakarta.inject.Inject;

import org.eclipse.microprofile.health.HealthCheckResponse;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.mercato.metering.MeteringWorld;
import dev.mercato.platform.events.EntitlementChangedV1;
import dev.mercato.testkit.TestKafka;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The read models: a view is loaded once it has read its topic up to the end offsets seen at start, keeps the
 * newest snapshot per key and forgets a key on a tombstone; readiness is DOWN until every view is loaded.
 */
@QuarkusTest
class ReadModelTest {

    @Inject
    ObjectMapper json;

    @Inject
    CustomerEntitlements entitlementsInService;

    @Test
    void isReadyOnceEveryReadModelIsLoaded() {
        given().get("/q/health/ready").then().statusCode(200)
                .body("checks.name", hasItem("Metering read models"))
                .body("checks.find { it.name == 'Metering read models' }.status", equalTo("UP"));
    }

    @Test
    void showsHowManySnapshotsEachReadModelHoldsAsAMetric() {
        String customer = "org_" + UUID.randomUUID();
        String id = MeteringWorld.publishEntitlement(customer, "lst_" + UUID.randomUUID(), "ACTIVE",
                LocalDate.now(ZoneOffset.UTC), LocalDate.now(ZoneOffset.UTC), "SUB-G");
        await().atMost(Duration.ofSeconds(20)).until(() -> entitlementsInService.get(id) != null);

        String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
        assertThat(metrics).containsPattern("mercato_readmodel_snapshots\\{[^}]*topic=\"orders.entitlements\"[^}]*} [1-9]")
                .contains("topic=\"identity.organizations\"").contains("topic=\"catalog.listings\"");
    }

    @Test
    void staysNotReadyUntilEachViewHasReadItsTopicToTheEnd() {
        KnownOrganizations organizations = new KnownOrganizations(json);
        MeteredListings listings = new MeteredListings(json);
        CustomerEntitlements entitlements = new CustomerEntitlements(json);
        ReadModels models = new ReadModels(organizations, listings, entitlements, TestKafka.bootstrapServers(),
                new SimpleMeterRegistry());
        ReadModelsHealthCheck check = new ReadModelsHealthCheck(models);
        assertThat(check.call().getStatus()).isEqualTo(HealthCheckResponse.Status.DOWN);
        try {
            organizations.start(TestKafka.bootstrapServers());
            listings.start(TestKafka.bootstrapServers());
            await().atMost(Duration.ofSeconds(30)).until(() -> organizations.loaded() && listings.loaded());
            assertThat(check.call().getStatus()).as("entitlements not read yet").isEqualTo(HealthCheckResponse.Status.DOWN);
            entitlements.start(TestKafka.bootstrapServers());
            await().atMost(Duration.ofSeconds(30)).until(entitlements::loaded);
            assertThat(check.call().getStatus()).isEqualTo(HealthCheckResponse.Status.UP);
        } finally {
            organizations.stop();
            listings.stop();
            entitlements.stop();
        }
    }

    @Test
    void keepsTheNewestSnapshotPerKeyAndForgetsAKeyOnATombstone() {
        String customer = "org_" + UUID.randomUUID();
        String listing = "lst_" + UUID.randomUUID();
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        String expiredId = MeteringWorld.publishEntitlement(customer, listing, "EXPIRED", today.minusDays(30),
                today.minusDays(1), "SUB-A");
        CustomerEntitlements entitlements = new CustomerEntitlements(json);
        try {
            entitlements.start(TestKafka.bootstrapServers());
            await().atMost(Duration.ofSeconds(30)).until(entitlements::loaded);
            assertThat(entitlements.get(expiredId)).isNotNull();
            assertThat(entitlements.get(expiredId).subscription()).as("the first subscription, usage's attribution")
                    .isEqualTo("SUB-A");
            assertThat(entitlements.inForce(customer, listing, today)).isNull();
            assertThat(entitlements.inForce(customer, listing, today.minusDays(2))).isNotNull();

            // version 3, then a late version 2 of the same entitlement: the newer one stays
            send(expiredId, customer, listing, "ACTIVE", 3);
            send(expiredId, customer, listing, "INACTIVE", 2);
            await().atMost(Duration.ofSeconds(20)).until(() -> entitlements.get(expiredId).version() == 3);
            String marker = MeteringWorld.publishEntitlement(customer + "-marker", listing, "ACTIVE", today, today, "SUB-M");
            await().atMost(Duration.ofSeconds(20)).until(() -> entitlements.get(marker) != null);
            assertThat(entitlements.get(expiredId).status()).isEqualTo("ACTIVE");
            assertThat(entitlements.inForce(customer, listing, today)).isNotNull();

            TestKafka.send("orders.entitlements", expiredId, null, TestKafka.cloudEventHeaders(UUID.randomUUID().toString(),
                    EntitlementChangedV1.CHANGED, expiredId));
            await().atMost(Duration.ofSeconds(20)).until(() -> entitlements.get(expiredId) == null);
            assertThat(entitlements.inForce(customer, listing, today)).isNull();
        } finally {
            entitlements.stop();
        }
    }

    private static void send(String id, String customer, String listing, String status, long version) {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        TestKafka.send("orders.entitlements", id, """
                {"id": "%s", "customerId": "%s", "customerCsn": null, "customerName": null, "listingId": "%s", "sku": null,
                 "description": null, "dimensions": [], "seats": 1, "startDate": "%s", "endDate": "%s", "status": "%s",
                 "subscriptions": [], "createdAt": "2026-01-01T00:00:00Z", "lastUpdated": "2026-01-01T00:00:00Z",
                 "version": %d, "futureField": true}"""
                .formatted(id, customer, listing, today.minusDays(30), today.plusDays(30), status, version),
                TestKafka.cloudEventHeaders(UUID.randomUUID().toString(), EntitlementChangedV1.CHANGED, id));
    }
}
