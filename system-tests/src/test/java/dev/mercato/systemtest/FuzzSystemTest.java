package dev.mercato.systemtest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The short fuzzing run ({@code bench/fuzz.sh}) against a suite of its own with the demo marketplace: a few hundred
 * requests per service generated from each service's OpenAPI document, then the authorization matrices over every
 * operation of every service: invalid tokens, each of the ten roles against the scopes the document declares, and the
 * admins of foreign organizations against the demo's objects. Because all are generated from the OpenAPI documents, a
 * new endpoint is fuzzed and checked for its token handling, its scopes and its organization boundary without anyone
 * adding it here. (The full run, 10,000 requests per service, is run by
 * hand: docs/BENCHMARKS.md.)
 */
class FuzzSystemTest {

    private static final Suite SUITE = Suite.withoutRateLimits();

    @BeforeAll
    static void startSuite() {
        SUITE.up();
        SUITE.demo();
    }

    @AfterAll
    static void stopSuite() {
        SUITE.down();
    }

    @Test
    void generatedRequestsGetNo5xxAndEveryOperationKeepsItsScopesAndOrganizationBoundary() {
        MercatoCli.Outcome fuzz = SUITE.script("bench/fuzz.sh", Map.of(
                "MERCATO_FUZZ_REQUESTS", "300",
                "MERCATO_FUZZ_SEED", String.valueOf(System.currentTimeMillis() % 1000),
                // a shared build machine stalls now and then; a hang is what this bounds
                "MERCATO_FUZZ_SLOW_MS", "8000"), 600);

        assertThat(fuzz.output()).contains("authorization matrix:").contains("authorization by role:")
                .contains("authorization by organization:").contains("fuzz: no violation");
        assertThat(fuzz.exitCode()).as("bench/fuzz.sh failed:%n%s", fuzz.output()).isZero();
    }
}
