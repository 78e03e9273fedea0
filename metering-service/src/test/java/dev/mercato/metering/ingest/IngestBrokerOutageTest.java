package dev.mercato.metering.ingest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.containsString;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import dev.mercato.metering.MeteringWorld;
import dev.mercato.metering.load.IngestionLoad;
import dev.mercato.testkit.EmbeddedKafka;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/**
 * While Kafka does not acknowledge, nothing is claimed accepted: the request is answered 503 with Retry-After
 * within the ack timeout; once the broker is back, the same request is accepted with the same ids.
 */
@QuarkusTest
class IngestBrokerOutageTest {

    @Inject
    IngestionLoad load;

    @Test
    void answers503WithRetryAfterWhileKafkaIsDownAndAcceptsTheRetryAfterwards() {
        MeteringWorld world = MeteringWorld.create();
        String token = world.vendorToken();
        String body = "{\"events\": [" + world.event("api_calls", "7") + "," + world.event("storage_gb", "1.25") + "]}";
        EmbeddedKafka.stopBroker();
        try {
            long started = System.nanoTime();
            given().auth().oauth2(token).contentType("application/json").header("Idempotency-Key", "outage-" + world.listingId)
                    .body(body).post("/api/v1/usage")
                    .then().statusCode(503).header("Retry-After", "5").body("code", equalTo(503))
                    .body(not(containsString("accepted\""))).body(not(containsString("eventId")));
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(10));
            // While it waits for Kafka the request counts as ingestion's load (the aggregation defers to it); failed, it
            // no longer does.
            CompletableFuture<Integer> waiting = CompletableFuture.supplyAsync(() -> given().auth().oauth2(token)
                    .contentType("application/json").body(world.event("api_calls", "2")).post("/api/v1/metering-event")
                    .statusCode());
            await().atMost(Duration.ofSeconds(10)).until(load::busy);
            assertThat(waiting.join()).isEqualTo(503);
            assertThat(load.busy()).isFalse();
            given().auth().oauth2(token).contentType("application/json").body(world.event("api_calls", "1"))
                    .post("/api/v1/metering-event")
                    .then().statusCode(503).header("Retry-After", "5").body("code", equalTo(503));
        } finally {
            EmbeddedKafka.startBroker();
        }
        Response[] retried = new Response[1];
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1)).until(() -> {
            retried[0] = given().auth().oauth2(token).contentType("application/json")
                    .header("Idempotency-Key", "outage-" + world.listingId).body(body).post("/api/v1/usage");
            return retried[0].statusCode() == 200;
        });
        retried[0].then().body("data.status", equalTo("CONFIRMED")).body("data.accepted", equalTo(2));
        assertThat(load.busy()).isFalse();
        Response again = given().auth().oauth2(token).contentType("application/json")
                .header("Idempotency-Key", "outage-" + world.listingId).body(body).post("/api/v1/usage");
        assertThat(again.<Object>path("data.events.eventId")).isEqualTo(retried[0].path("data.events.eventId"));
    }
}
