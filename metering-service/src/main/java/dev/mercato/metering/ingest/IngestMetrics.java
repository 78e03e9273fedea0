package dev.mercato.metering.ingest;

import java.util.EnumMap;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Ingestion counters: {@code mercato_metering_events_total{outcome="accepted"}} and
 * {@code {outcome="rejected",reason="<Rejection>"}}, {@code mercato_metering_reports_total{status}} and
 * {@code mercato_metering_unavailable_total} (requests answered 503). Made once: the hot path only increments.
 */
@ApplicationScoped
public class IngestMetrics {

    private final Counter accepted;
    private final Map<Rejection, Counter> rejected = new EnumMap<>(Rejection.class);
    private final Counter confirmed;
    private final Counter failed;
    private final Counter unavailable;

    public IngestMetrics(MeterRegistry registry) {
        accepted = registry.counter("mercato.metering.events", "outcome", "accepted", "reason", "none");
        for (Rejection rejection : Rejection.values()) {
            rejected.put(rejection, registry.counter("mercato.metering.events", "outcome", "rejected", "reason", rejection.name()));
        }
        confirmed = registry.counter("mercato.metering.reports", "status", "CONFIRMED");
        failed = registry.counter("mercato.metering.reports", "status", "FAILED");
        unavailable = registry.counter("mercato.metering.unavailable");
    }

    void accepted(int count) {
        accepted.increment(count);
    }

    void rejected(Rejection rejection) {
        rejected.get(rejection).increment();
    }

    void report(boolean allAccepted) {
        (allAccepted ? confirmed : failed).increment();
    }

    void unavailable() {
        unavailable.increment();
    }
}
