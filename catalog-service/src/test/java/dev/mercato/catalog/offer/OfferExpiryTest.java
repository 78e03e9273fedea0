package dev.mercato.catalog.offer;

import static dev.mercato.catalog.offer.OfferFixtures.OFFERS;
import static dev.mercato.catalog.offer.OfferFixtures.act;
import static dev.mercato.catalog.offer.OfferFixtures.awaitEvent;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import dev.mercato.testkit.TestMarketplace;
import dev.mercato.platform.events.PrivateOfferChangedV1;
import dev.mercato.platform.events.Topics;
import dev.mercato.testkit.TestKafka;
import dev.mercato.testkit.TestSql;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;

/** Sent offers expire on time: the periodic sweep marks and publishes them once, and nobody answers one late. */
@QuarkusTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OfferExpiryTest {

    @Inject
    OfferExpirySweep sweep;

    private TestMarketplace organizations;
    private OfferFixtures fixtures;

    @BeforeAll
    void organizations() {
        organizations = TestMarketplace.published();
        fixtures = new OfferFixtures(organizations);
    }

    @Test
    void expiresASentOfferOnTimeAndPublishesIt() {
        Instant expiresAt = Instant.now().plusSeconds(2).truncatedTo(ChronoUnit.MILLIS);
        String id = fixtures.asVendor().body(fixtures.offerBody().replace("\"title\"",
                "\"expiresAt\": \"" + expiresAt + "\", \"title\"")).post(OFFERS).then().statusCode(201)
                .extract().path("data.id");
        act(fixtures.asVendor(), id, "send").statusCode(200).body("data.expiresAt", equalTo(expiresAt.toString()));

        // The periodic sweep (every 30 s by default) finds it, with no call from the test.
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).until(() -> TestSql.number(
                "select count(*) from private_offer where id = ? and status = 'EXPIRED'", id) == 1);
        fixtures.asTenant().get(OFFERS + "/" + id).then().statusCode(200)
                .body("data.status", equalTo("EXPIRED")).body("data.expiredAt", equalTo(expiresAt.toString()));
        awaitEvent(id, PrivateOfferChangedV1.CHANGED, payload -> payload.contains("\"status\":\"EXPIRED\""));
        act(fixtures.asTenant(), id, "accept").statusCode(409)
                .body("message", equalTo("offer " + id + " is expired; only a sent offer can be accepted"));
    }

    @Test
    void refusesToAnswerAnOfferPastItsExpiryBeforeTheSweepRuns() {
        String accept = fixtures.sent();
        String decline = fixtures.sent();
        String cancel = fixtures.sent();
        TestSql.execute("update private_offer set expires_at = now() - interval '1 second' where id in (?, ?, ?)",
                accept, decline, cancel);

        act(fixtures.asTenant(), accept, "accept").statusCode(409).body("message", containsString("expired"));
        act(fixtures.asTenant(), decline, "decline").statusCode(409).body("message", containsString("expired"));
        act(fixtures.asVendor(), cancel, "cancel").statusCode(409).body("message", containsString("expired"));
        assertThat(TestSql.number("select count(*) from private_offer where id in (?, ?, ?) and status in ('SENT', 'EXPIRED')",
                accept, decline, cancel)).isEqualTo(3);
    }

    @Test
    void expiresEachOfferOnceWhenSweepsRace() throws Exception {
        List<String> ids = List.of(fixtures.sent(), fixtures.sent(), fixtures.sent());
        TestSql.execute("update private_offer set expires_at = now() - interval '1 second' where id = any(?)",
                (Object) ids.toArray(String[]::new));

        // Two sweeps at once, as two instances would run them (the periodic one may join in).
        CompletableFuture<Integer> first = CompletableFuture.supplyAsync(this::sweepNow);
        CompletableFuture<Integer> second = CompletableFuture.supplyAsync(this::sweepNow);
        CompletableFuture.allOf(first, second).get();

        for (String id : ids) {
            assertThat(TestSql.number("select count(*) from private_offer where id = ? and status = 'EXPIRED'", id)).isOne();
            awaitEvent(id, PrivateOfferChangedV1.CHANGED, payload -> payload.contains("\"status\":\"EXPIRED\""));
        }
        // One EXPIRED snapshot each, whichever sweep won.
        assertThat(TestKafka.events(Topics.CATALOG_OFFERS, r -> ids.contains(r.key()) && r.value().contains("\"status\":\"EXPIRED\""),
                Duration.ofSeconds(2))).extracting(ConsumerRecord::key).containsExactlyInAnyOrderElementsOf(ids);
    }

    private int sweepNow() {
        try {
            return VertxContextSupport.subscribeAndAwait(sweep::expireDue);
        } catch (Throwable failure) {
            throw new IllegalStateException(failure);
        }
    }
}
