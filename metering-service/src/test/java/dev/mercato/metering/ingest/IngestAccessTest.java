package dev.mercato.metering.ingest;

import java.time.LocalDate;
import java.time.ZoneOffset;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import dev.mercato.metering.MeteringWorld;
import dev.mercato.platform.security.Scopes;
import dev.mercato.testkit.AuthorizationMatrix;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Who may report usage (write:metering): the listing's vendor and the platform. Tenants, partners and
 * distributors lack the scope (403); another vendor is refused for that listing (403 for a single event, a
 * FAILED report for a batch or report); readers never write.
 */
@QuarkusTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class IngestAccessTest {

    private MeteringWorld world;

    @BeforeAll
    void publishTheWorld() {
        world = MeteringWorld.create();
    }

    @Test
    void acceptsASingleEventOnlyFromTheListingsVendorOrThePlatform() {
        String eventId = "access-" + world.listingId;
        fromEveryone(AuthorizationMatrix.request("POST", "/api/v1/metering-event")
                .body(world.event("api_calls", "1").replace("\"vendor\"", "\"eventId\": \"" + eventId + "\", \"vendor\""))
                .requiring(Scopes.WRITE_METERING)
                .exposing(eventId, world.vendor.path())
                .allowedWith(202)
                .hiddenWith(403))
                .verify();
    }

    @Test
    void confirmsABatchOnlyFromTheListingsVendorOrThePlatform() {
        fromEveryone(AuthorizationMatrix.request("POST", "/api/v1/usage")
                .body("{\"events\": [" + world.event("api_calls", "2") + "]}")
                .requiring(Scopes.WRITE_METERING)
                .exposing("CONFIRMED", world.vendor.path())
                .hiddenWith(200))
                .verify();
    }

    @Test
    void confirmsAReportOnlyFromTheListingsVendorOrThePlatform() {
        fromEveryone(AuthorizationMatrix.request("POST", "/api/v1/metering")
                .body("""
                        {"vendor": "aws", "listingId": "%s", "details": {"customer": {"id": "%s"}, "reportingDate": "%s",
                         "usages": [{"apiKey": "api_calls", "units": 3}]}}"""
                        .formatted(world.listingId, world.tenant.id(), LocalDate.now(ZoneOffset.UTC)))
                .requiring(Scopes.WRITE_METERING)
                .exposing("CONFIRMED", world.vendor.path())
                .hiddenWith(200))
                .verify();
    }

    private AuthorizationMatrix fromEveryone(AuthorizationMatrix matrix) {
        return matrix.callersFrom(world.platform, world.distributor, world.partner, world.tenant, world.vendor,
                world.otherVendor);
    }
}
