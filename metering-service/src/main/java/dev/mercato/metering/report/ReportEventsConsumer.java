package dev.mercato.metering.report;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.mercato.platform.events.MeteringReportV1;
import dev.mercato.platform.messaging.EventInbox;
import dev.mercato.platform.messaging.IncomingEvent;
import dev.mercato.platform.messaging.PoisonEventException;
import io.smallrye.mutiny.Uni;

/**
 * Keeps {@code metering.reports} as the {@code usage_report} table, once per event. A report sent again
 * (same idempotency key) has the same id and outcome: its repeat changes nothing.
 */
@ApplicationScoped
public class ReportEventsConsumer {

    static final String CONSUMER = "metering-service.reports";

    private final EventInbox inbox;
    private final UsageReportRepository reports;
    private final ObjectMapper json;

    public ReportEventsConsumer(EventInbox inbox, UsageReportRepository reports, ObjectMapper json) {
        this.inbox = inbox;
        this.reports = reports;
        this.json = json;
    }

    @Incoming("metering-reports")
    public Uni<Void> consume(ConsumerRecord<String, String> record) {
        return inbox.handleOnce(CONSUMER, record, this::apply);
    }

    private Uni<Void> apply(IncomingEvent event) {
        if (!MeteringReportV1.CONFIRMED.equals(event.type()) && !MeteringReportV1.FAILED.equals(event.type())) {
            return Uni.createFrom().voidItem();
        }
        MeteringReportV1 outcome = event.dataAs(MeteringReportV1.class, json);
        if (outcome.id() == null || outcome.id().length() > 200 || outcome.status() == null || outcome.receivedAt() == null
                || outcome.shape() == null) {
            throw new PoisonEventException("event " + event.id() + " lacks a report id, shape, status or receivedAt");
        }
        return reports.findById(outcome.id()).chain(existing -> {
            UsageReport report = existing != null ? existing : new UsageReport();
            List<MeteringReportV1.RejectedEventV1> rejected = outcome.rejected() == null ? List.of() : outcome.rejected();
            report.id = outcome.id();
            report.shape = outcome.shape();
            report.vendorId = outcome.vendorId();
            report.listingId = outcome.listingId();
            report.customerId = outcome.customerId();
            report.status = outcome.status();
            report.accepted = outcome.accepted();
            report.rejected = rejected.size();
            report.rejections = new UsageReport.Rejections(rejected);
            report.receivedAt = outcome.receivedAt();
            return existing != null ? Uni.createFrom().voidItem() : reports.persist(report).replaceWithVoid();
        });
    }
}
