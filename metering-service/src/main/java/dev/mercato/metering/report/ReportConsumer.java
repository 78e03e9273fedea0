package dev.mercato.metering.report;

import java.io.IOException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecord;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;

import dev.mercato.metering.consume.BatchConsumer;
import dev.mercato.metering.consume.BatchConsumerBean;
import dev.mercato.metering.consume.BatchConsumers;
import dev.mercato.metering.consume.RecordBatch;
import dev.mercato.platform.events.MeteringReportV1;
import dev.mercato.platform.events.Topics;
import dev.mercato.platform.messaging.CloudEventHeaders;
import dev.mercato.platform.messaging.PoisonEventException;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Keeps {@code metering.reports} as the {@code usage_report} table: a {@link BatchConsumer} whose batch (a poll or
 * more, up to {@code mercato.metering.reports.max-batch} reports) is one insert. Every ingestion request publishes a
 * report, so at thousands of single events a second a transaction per report cost more than the request that made
 * it. The report's id is the table's key: a report sent again (the caller's retry with the same idempotency key) or
 * re-delivered after a crash is recognised by the insert itself, in the same batch or a later one. It changes nothing,
 * except that a FAILED report gives way to a later receipt of it that accepted more events (a refused request sent
 * again corrected, with the same key): the row shows the receipt that accepted the most, the first of equals.
 */
@ApplicationScoped
public class ReportConsumer extends BatchConsumerBean<ReportConsumer.ReportBatch> {

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
            on conflict (id) do update
                set shape = excluded.shape, vendor_id = excluded.vendor_id, listing_id = excluded.listing_id,
                    customer_id = excluded.customer_id, status = excluded.status, accepted = excluded.accepted,
                    rejected = excluded.rejected, rejections = excluded.rejections, received_at = excluded.received_at
                where usage_report.status = 'FAILED' and excluded.accepted > usage_report.accepted""";

    private final Pool pool;
    private final ReportConfig config;
    private final ObjectReader reportReader;
    private final ObjectWriter rejectionsWriter;
    private final Counter stored;
    private final Counter repeats;
    private final Counter ignored;
    private final BatchConsumer<ReportBatch> consumer;

    public ReportConsumer(Pool pool, ReportConfig config, ObjectMapper json, MeterRegistry registry,
            BatchConsumers consumers) {
        this.pool = pool;
        this.config = config;
        this.reportReader = json.readerFor(MeteringReportV1.class);
        this.rejectionsWriter = json.writerFor(UsageReport.Rejections.class);
        this.stored = registry.counter("mercato.events.consumed", "consumer", CONSUMER, "outcome", "processed");
        this.repeats = registry.counter("mercato.events.consumed", "consumer", CONSUMER, "outcome", "duplicate");
        this.ignored = registry.counter("mercato.events.consumed", "consumer", CONSUMER, "outcome", "ignored");
        this.consumer = consumers.create(new BatchConsumer.Settings(CONSUMER, "metering-reports", "mercato.metering.reports",
                Topics.METERING_REPORTS, config.groupId(), 1, config.maxBatch(), config.yieldToIngestion(),
                config.deadLetterTopic(), Map.of()),
                this);
    }

    @Override
    protected BatchConsumer<ReportBatch> consumer() {
        return consumer;
    }

    @Override
    protected boolean enabled() {
        return config.enabled();
    }

    @Override
    public ReportBatch newBatch() {
        return new ReportBatch();
    }

    @Override
    public Uni<Void> write(ReportBatch batch) {
        List<Row> rows = List.copyOf(batch.rows.values());
        if (rows.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return pool.preparedQuery(INSERT).execute(Tuple.from(new Object[] {
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
                .invoke(result -> {
                    stored.increment(result.rowCount());
                    repeats.increment(batch.read - result.rowCount());
                })
                .replaceWithVoid();
    }

    /** The rows of the reports gathered for one insert, one per report id; records of other types pass. */
    public final class ReportBatch extends RecordBatch {

        private final Map<String, Row> rows = new LinkedHashMap<>();
        private int read;

        @Override
        protected String read(ConsumerRecord<String, byte[]> record) {
            String type = CloudEventHeaders.read(record.headers(), CloudEventHeaders.TYPE);
            if (type == null) {
                throw new PoisonEventException("record " + coordinates(record) + " has no ce_type header");
            }
            if (!MeteringReportV1.CONFIRMED.equals(type) && !MeteringReportV1.FAILED.equals(type)) {
                ignored.increment();
                return null;
            }
            Row row = row(record);
            read++;
            rows.merge(row.id(), row, Row::orLater);
            return null;
        }

        /** The reports read, repeats included: what {@code max-batch} bounds. */
        @Override
        public int size() {
            return read;
        }
    }

    /** The row a report record makes; a record that is not a whole report is poison. */
    private Row row(ConsumerRecord<String, byte[]> record) {
        String where = coordinates(record);
        if (record.value() == null) {
            throw new PoisonEventException("record " + where + " has no body");
        }
        MeteringReportV1 report;
        try {
            report = reportReader.readValue(record.value());
        } catch (IOException e) {
            throw new PoisonEventException("record " + where + " is not a usage report: " + e.getMessage(), e);
        }
        if (report == null || report.id() == null || report.id().length() > 200 || report.status() == null
                || report.status().length() > 20 || report.receivedAt() == null || report.shape() == null
                || report.shape().length() > 20) {
            throw new PoisonEventException("record " + where
                    + " lacks a report id, shape, status or receivedAt, or has one too long to keep");
        }
        List<MeteringReportV1.RejectedEventV1> rejected = report.rejected() == null ? List.of() : report.rejected();
        Row row = new Row(report.id(), report.shape(), idOrNull(report.vendorId()), idOrNull(report.listingId()),
                idOrNull(report.customerId()), report.status(), report.accepted(), rejected.size(),
                rejections(where, rejected), report.receivedAt().atOffset(ZoneOffset.UTC));
        if (!row.storable()) {
            // PostgreSQL refuses text with NUL characters: stored, the batch would fail again and again
            throw new PoisonEventException("record " + where + " has a NUL character, which cannot be stored");
        }
        return row;
    }

    private static String coordinates(ConsumerRecord<?, ?> record) {
        return record.topic() + "-" + record.partition() + "@" + record.offset();
    }

    private String rejections(String where, List<MeteringReportV1.RejectedEventV1> rejected) {
        try {
            return rejectionsWriter.writeValueAsString(new UsageReport.Rejections(rejected));
        } catch (JsonProcessingException e) {
            throw new PoisonEventException("record " + where + " has rejections that cannot be stored: " + e.getMessage());
        }
    }

    /** A report repeats what the caller sent; a value longer than any id is no customer's or listing's. */
    private static String idOrNull(String value) {
        return value == null || value.length() > MAX_ID ? null : value;
    }

    private record Row(String id, String shape, String vendorId, String listingId, String customerId, String status,
            int accepted, int rejected, String rejections, OffsetDateTime receivedAt) {

        /** This row, or {@code later} (a later receipt of the same report) where the insert would take it instead. */
        Row orLater(Row later) {
            return "FAILED".equals(status) && later.accepted > accepted ? later : this;
        }

        /** Whether PostgreSQL takes every text of the row: none holds a NUL (which JSON writes as an escape). */
        boolean storable() {
            return Stream.of(id, shape, vendorId, listingId, customerId, status)
                    .noneMatch(text -> text != null && text.indexOf('\0') >= 0) && !rejections.contains("\\u0000");
        }
    }
}
