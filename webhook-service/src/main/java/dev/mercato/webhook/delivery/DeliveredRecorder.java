package dev.mercato.webhook.delivery;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

import jakarta.inject.Singleton;

import org.jboss.logging.Logger;

import io.smallrye.mutiny.Uni;
import io.vertx.core.Promise;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Records successful attempts in batches: the messages DELIVERED, their attempts and their endpoints' health in one
 * statement for up to {@value #BATCH} successes gathered over at most {@value #LINGER_MILLIS} ms, instead of one round
 * trip each. Until its batch is written a message stays PENDING under its lease, so a crash in between only sends it
 * again (same {@code webhook-id}). Should a batch fail, its successes are written one by one. The marks commit without
 * waiting for the WAL flush ({@link DeliveryPool}): a database crash may lose the last of them, and those messages are
 * sent again.
 */
@Singleton
public class DeliveredRecorder {

    private static final Logger LOG = Logger.getLogger(DeliveredRecorder.class);
    static final int BATCH = 256;
    static final long LINGER_MILLIS = 2;

    static final String DELIVERED = """
            with done as (
                select * from unnest($1::varchar[], $2::varchar[], $3::timestamptz[], $4::int[], $5::int[], $6::varchar[])
                    as d(message_id, endpoint_id, attempted_at, status_code, duration_ms, excerpt)),
            delivered as (
                update webhook_message m set status = 'DELIVERED', attempts = m.attempts + 1,
                    last_attempt_at = d.attempted_at, last_status_code = d.status_code, last_error = null,
                    delivered_at = now()
                from done d where m.id = d.message_id and m.status = 'PENDING'),
            attempt as (
                insert into webhook_attempt (message_id, endpoint_id, attempted_at, outcome, status_code, duration_ms,
                    response_excerpt)
                select message_id, endpoint_id, attempted_at, 'SUCCEEDED', status_code, duration_ms, excerpt from done)
            update webhook_endpoint e set consecutive_failures = 0, failing_since = null, circuit_open_until = null
            where e.id in (select endpoint_id from done)
              and (e.consecutive_failures <> 0 or e.failing_since is not null or e.circuit_open_until is not null)""";

    /** One successful attempt waiting for its batch. */
    record Success(String messageId, String endpointId, OffsetDateTime attemptedAt, Integer statusCode, int durationMs,
            String excerpt, Promise<Void> written) {
    }

    private final Pool pool;
    private final Vertx vertx;
    private List<Success> pending = new ArrayList<>();
    private boolean flushScheduled;

    public DeliveredRecorder(DeliveryPool deliveryPool, Vertx vertx) {
        this.pool = deliveryPool.pool();
        this.vertx = vertx;
    }

    /** Completes once the success is stored. */
    public Uni<Void> record(String messageId, String endpointId, OffsetDateTime attemptedAt, Integer statusCode,
            int durationMs, String excerpt) {
        Promise<Void> written = Promise.promise();
        List<Success> full = null;
        synchronized (this) {
            pending.add(new Success(messageId, endpointId, attemptedAt, statusCode, durationMs, excerpt, written));
            if (pending.size() >= BATCH) {
                full = take();
            } else if (!flushScheduled) {
                flushScheduled = true;
                vertx.setTimer(LINGER_MILLIS, id -> flushPending());
            }
        }
        if (full != null) {
            write(full);
        }
        return Uni.createFrom().completionStage(written.future().toCompletionStage());
    }

    private void flushPending() {
        List<Success> batch;
        synchronized (this) {
            flushScheduled = false;
            batch = take();
        }
        if (!batch.isEmpty()) {
            write(batch);
        }
    }

    private List<Success> take() {
        List<Success> batch = pending;
        pending = new ArrayList<>();
        return batch;
    }

    private void write(List<Success> batch) {
        pool.preparedQuery(DELIVERED).execute(tuple(batch)).subscribe().with(
                rows -> batch.forEach(success -> success.written().tryComplete()),
                failure -> {
                    LOG.warnf("a batch of %d delivered webhook messages could not be recorded at once, recording them "
                            + "one by one: %s", batch.size(), failure.toString());
                    batch.forEach(success -> pool.preparedQuery(DELIVERED).execute(tuple(List.of(success))).subscribe()
                            .with(rows -> success.written().tryComplete(), success.written()::tryFail));
                });
    }

    private static Tuple tuple(List<Success> batch) {
        int n = batch.size();
        String[] messages = new String[n];
        String[] endpoints = new String[n];
        OffsetDateTime[] times = new OffsetDateTime[n];
        Integer[] codes = new Integer[n];
        Integer[] durations = new Integer[n];
        String[] excerpts = new String[n];
        for (int i = 0; i < n; i++) {
            Success success = batch.get(i);
            messages[i] = success.messageId();
            endpoints[i] = success.endpointId();
            times[i] = success.attemptedAt();
            codes[i] = success.statusCode();
            durations[i] = success.durationMs();
            excerpts[i] = success.excerpt();
        }
        return Tuple.tuple().addArrayOfString(messages).addArrayOfString(endpoints).addArrayOfOffsetDateTime(times)
                .addArrayOfInteger(codes).addArrayOfInteger(durations).addArrayOfString(excerpts);
    }
}
