package dev.mercato.metering.ingest;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;

import dev.mercato.metering.load.IngestionLoad;
import dev.mercato.metering.readmodel.ReadModels;
import dev.mercato.metering.time.Instants;
import dev.mercato.platform.events.MeteringReportV1;
import dev.mercato.platform.events.MeteringReportV1.RejectedEventV1;
import dev.mercato.platform.events.UsageEventV1;
import dev.mercato.platform.web.RequestIds;
import io.smallrye.mutiny.Uni;

/**
 * Ingests one report (a request of any shape): validates each event, publishes the accepted ones on
 * {@code metering.usage} (one record for each customer's, keyed by the customer), with the report's outcome on
 * {@code metering.reports} in the same round, and answers only once Kafka acknowledged all of them — within
 * {@code mercato.metering.ack-timeout}, else the request fails with {@link IngestUnavailableException} and nothing
 * in it counts as accepted.
 */
@ApplicationScoped
public class UsageIngestion {

    /** The longest caller-sent id a report repeats (event ids may be 128 characters, other ids 100). */
    private static final int MAX_ECHOED = 128;

    private final UsageValidator validator;
    private final UsagePublisher publisher;
    private final ReadModels readModels;
    private final IngestMetrics metrics;
    private final IngestionLoad load;
    private final IngestConfig config;
    private final ObjectWriter reportWriter;
    private final Clock clock;
    private final String source;

    public UsageIngestion(UsageValidator validator, UsagePublisher publisher, ReadModels readModels, IngestMetrics metrics,
            IngestionLoad load, IngestConfig config, ObjectMapper json, @ConfigProperty(name = "quarkus.application.name") String applicationName, Clock clock) {
        this.validator = validator;
        this.publisher = publisher;
        this.readModels = readModels;
        this.metrics = metrics;
        this.load = load;
        this.config = config;
        this.reportWriter = json.writerFor(MeteringReportV1.class);
        this.source = "/mercato/" + applicationName;
        this.clock = clock;
    }

    /** Validates and publishes {@code candidates} as a report of {@code shape}, its id from {@code ids}. */
    public Uni<IngestResult> ingest(String shape, EventIds ids, List<UsageCandidate> candidates, Reporter reporter) {
        if (!readModels.loaded()) {
            metrics.unavailable();
            return Uni.createFrom().failure(new IngestUnavailableException(
                    "Usage cannot be checked yet: this instance is still loading customers, listings and entitlements", null));
        }
        Instant receivedAt = clock.instant();
        String reportId = ids.reportId(earliestTimestamp(candidates, receivedAt));
        UsageRecords records = new UsageRecords(reportId, source, receivedAt, RequestIds.current());
        List<EventOutcome> outcomes = new ArrayList<>(candidates.size());
        // Accepted events by customer, in the report's order: one record for each customer's (UsageAcceptedV2).
        Map<String, List<UsageEventV1>> usage = new LinkedHashMap<>();
        List<RejectedEventV1> rejected = new ArrayList<>();
        List<Rejection> reasons = new ArrayList<>();
        Set<String> listingIds = new LinkedHashSet<>();
        Set<String> customerIds = new LinkedHashSet<>();
        Set<String> vendorIds = new LinkedHashSet<>();
        for (UsageCandidate candidate : candidates) {
            UsageValidator.Verdict verdict = validator.validate(candidate, reportId, reporter, receivedAt);
            listingIds.add(echoed(candidate.listingId()));
            customerIds.add(echoed(candidate.customerId()));
            if (verdict.event() != null) {
                UsageEventV1 event = verdict.event();
                vendorIds.add(event.vendorId());
                usage.computeIfAbsent(event.customerId(), customer -> new ArrayList<>()).add(event);
                outcomes.add(EventOutcome.accepted(candidate.index(), candidate.eventId()));
            } else {
                reasons.add(verdict.rejection());
                outcomes.add(EventOutcome.rejected(candidate.index(), candidate.eventId(), verdict.rejection(), verdict.reason()));
                rejected.add(new RejectedEventV1(candidate.index(), echoed(candidate.eventId()),
                        echoed(candidate.customerId()), echoed(candidate.dimension()), verdict.reason()));
            }
        }
        int accepted = candidates.size() - rejected.size();
        boolean allAccepted = rejected.isEmpty();
        String status = allAccepted ? "CONFIRMED" : "FAILED";
        MeteringReportV1 report = new MeteringReportV1(reportId, shape,
                vendorIds.size() == 1 ? vendorIds.iterator().next() : "VENDOR".equals(reporter.kind()) ? reporter.organizationId() : null,
                only(listingIds), only(customerIds), status, accepted, rejected, receivedAt);
        ProducerRecord<String, byte[]> reportRecord = records.report(allAccepted ? MeteringReportV1.CONFIRMED : MeteringReportV1.FAILED,
                write(reportWriter, report));
        IngestResult result = new IngestResult(reportId, status, accepted, rejected.size(), outcomes);
        // The report goes with its events, not after their acknowledgement: one wait for Kafka instead of two
        // (README, "Durable before answering").
        List<ProducerRecord<String, byte[]>> all = new ArrayList<>(usage.size() + 1);
        usage.forEach((customerId, events) -> all.addAll(records.usage(customerId, events)));
        all.add(reportRecord);
        return publisher.send(all)
                .ifNoItem().after(config.ackTimeout()).fail()
                .onFailure().transform(failure -> {
                    metrics.unavailable();
                    return new IngestUnavailableException("Usage could not be made durable in time; nothing of this request"
                            + " was accepted. Retry it with the same Idempotency-Key", failure);
                })
                .map(ignored -> {
                    metrics.accepted(accepted);
                    reasons.forEach(metrics::rejected);
                    metrics.report(allAccepted);
                    return result;
                })
                .onSubscription().invoke(load::started)
                .onTermination().invoke(load::finished);
    }

    /** The earliest timestamp of {@code candidates} that reads as one, valid or not; without any, {@code receivedAt}. */
    private static Instant earliestTimestamp(List<UsageCandidate> candidates, Instant receivedAt) {
        Instant earliest = null;
        for (UsageCandidate candidate : candidates) {
            Instant timestamp = candidate.timestamp() == null ? null : Instants.parse(candidate.timestamp());
            if (timestamp != null && (earliest == null || timestamp.isBefore(earliest))) {
                earliest = timestamp;
            }
        }
        return earliest != null ? earliest : receivedAt;
    }

    private static byte[] write(ObjectWriter writer, Object value) {
        try {
            return writer.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a metering event", e);
        }
    }

    /**
     * What the report may repeat of a value the caller sent: nothing unless it could be an id. A 900 KB customer id,
     * repeated in the report and its rejection, made a record Kafka refuses and the caller a 503 to retry forever.
     */
    private static String echoed(String value) {
        return UsageValidator.visibleAscii(value, MAX_ECHOED) ? value : null;
    }

    /** The one value of {@code values}, or null when there are several (or none). */
    private static String only(Set<String> values) {
        return values.size() == 1 ? values.iterator().next() : null;
    }
}
