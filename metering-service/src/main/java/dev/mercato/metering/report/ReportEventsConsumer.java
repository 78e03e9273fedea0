package dev.mercato.metering.report;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;

import dev.mercato.platform.events.MeteringReportV1;
import dev.mercato.platform.messaging.BatchInbox;
import dev.mercato.platform.messaging.IncomingEvent;
import dev.mercato.platform.messaging.PoisonEventException;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Keeps {@code metering.reports} as the {@code usage_report} table, once per event, a whole poll in one transaction
 * ({@link BatchInbox}): every ingestion request publishes a report, so at thousands of single events a second a
 * transaction per report cost more than the request that made it. A report sent again (same idempotency key) has the
 * same id and outcome: its repeat, in the same poll or a later one, changes nothing. The report's id is its event's id
 * and {@code usage_report}'s key, so the insert itself recognises a repeat and no {@code processed_event} row is kept
 * ({@link BatchInbox#handleIdempotent}).
 */
@ApplicationScoped
public class ReportEventsConsumer {

    static final String CHANNEL = "metering-reports";
    static final String CONSUMER = "metering-service.reports";

    /** The widest organization or listing id a column keeps; a longer value names nothing and is kept as null. */
    private static final int MAX_ID = 64;

    private static final String INSERT = """
            insert into usage_report (id, shape, vendor_id, listing_id, customer_id, status, accepted, rejected,
                                      rejections, received_at)
            select r.id, r.shape, r.vendor_id, r.listing_id, r.customer_id, r.status, r.accepted, r.rejected,
                   r.rejections::jsonb, r.received_at
            from unnest($1::varchar[], $2::varchar[], $3::varchar[], $4::varchar[], $5::varchar[], $6::varchar[],
                        $7::int[], $8::int[], $9::text[], $10::timestamptz[])
                 as r(id, shape, vendor_id, listing_id, customer_id, status, accepted, rejected, rejections, received_at)
            on conflict (id) do nothing""";

    private final BatchInbox inbox;
    private final ObjectMapper json;
    private final ObjectWriter rejectionsWriter;

    public ReportEventsConsumer(BatchInbox inbox, ObjectMapper json) {
        this.inbox = inbox;
        this.json = json;
        this.rejectionsWriter = json.writerFor(UsageReport.Rejections.class);
    }

    @Incoming(CHANNEL)
    public Uni<Void> consume(ConsumerRecords<String, String> records) {
        return inbox.handleIdempotent(CHANNEL, CONSUMER, records, this::prepare, ReportEventsConsumer::store);
    }

    /** The row a report event makes, or null for an event of another type. */
    private Row prepare(IncomingEvent event) {
        if (!MeteringReportV1.CONFIRMED.equals(event.type()) && !MeteringReportV1.FAILED.equals(event.type())) {
            return null;
        }
        MeteringReportV1 report = event.dataAs(MeteringReportV1.class, json);
        if (report.id() == null || report.id().length() > 200 || report.status() == null || report.status().length() > 20
                || report.receivedAt() == null || report.shape() == null || report.shape().length() > 20) {
            throw new PoisonEventException("event " + event.id() + " lacks a report id, shape, status or receivedAt, or has one too long to keep");
        }
        List<MeteringReportV1.RejectedEventV1> rejected = report.rejected() == null ? List.of() : report.rejected();
        return new Row(report.id(), report.shape(), idOrNull(report.vendorId()), idOrNull(report.listingId()),
                idOrNull(report.customerId()), report.status(), report.accepted(), rejected.size(),
                rejections(event, rejected), report.receivedAt().atOffset(ZoneOffset.UTC));
    }

    private String rejections(IncomingEvent event, List<MeteringReportV1.RejectedEventV1> rejected) {
        try {
            return rejectionsWriter.writeValueAsString(new UsageReport.Rejections(rejected));
        } catch (JsonProcessingException e) {
            throw new PoisonEventException("event " + event.id() + " has rejections that cannot be stored: " + e.getMessage());
        }
    }

    /** A report repeats what the caller sent; a value longer than any id is no customer's or listing's. */
    private static String idOrNull(String value) {
        return value == null || value.length() > MAX_ID ? null : value;
    }

    private static Uni<Void> store(SqlClient sql, List<Row> rows) {
        return sql.preparedQuery(INSERT).execute(Tuple.from(new Object[] {
                rows.stream().map(Row::id).toArray(String[]::new),
                rows.stream().map(Row::shape).toArray(String[]::new),
                rows.stream().map(Row::vendorId).toArray(String[]::new),
                rows.stream().map(Row::listingId).toArray(String[]::new),
                rows.stream().map(Row::customerId).toArray(String[]::new),
                rows.stream().map(Row::status).toArray(String[]::new),
                rows.stream().map(Row::accepted).toArray(Integer[]::new),
                rows.stream().map(Row::rejected).toArray(Integer[]::new),
                rows.stream().map(Row::rejections).toArray(String[]::new),
                rows.stream().map(Row::receivedAt).toArray(OffsetDateTime[]::new) }))
                .replaceWithVoid();
    }

    private record Row(String id, String shape, String vendorId, String listingId, String customerId, String status,
            int accepted, int rejected, String rejections, OffsetDateTime receivedAt) {
    }
}
