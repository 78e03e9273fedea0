package dev.mercato.identity.audit;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.inject.Singleton;

import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.subscription.UniEmitter;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Stores audit rows of high-rate events (every issued token) by group commit: while inserts are in
 * flight ({@code mercato.identity.audit.max-in-flight}, default 2), new rows queue up; when one
 * commits, everything that accumulated goes out in the next single multi-row insert. Each caller's
 * {@link Uni} completes only once its own row is committed, so a token is never handed out without its
 * audit row, yet the database sees one commit per batch instead of one per token. Two in flight rather
 * than one means a row never waits for a whole commit before its own insert starts. A batch completes
 * on the context of the request that happened to send it; each caller is resumed on its own Vert.x
 * (duplicated) context instead, so that its request-scoped state (Hibernate Reactive session, request id,
 * security identity) is the one it continues with. Batch sizes are exported as
 * {@code mercato_audit_batch_size}.
 */
@Singleton
public class GroupCommitAuditWriter {

    private static final String INSERT = """
            insert into audit_event (id, occurred_at, actor, owner_path, action, target_type, target_id, details, request_id)
            select * from unnest($1::varchar[], $2::timestamptz[], $3::varchar[], $4::varchar[], $5::varchar[],
                                 $6::varchar[], $7::varchar[], $8::text[], $9::varchar[])""";

    private final Pool pool;
    private final int maxBatch;
    private final int maxInFlight;
    private final DistributionSummary batchSizes;
    private final ConcurrentLinkedQueue<Pending> queue = new ConcurrentLinkedQueue<>();
    private final AtomicInteger inFlight = new AtomicInteger();

    public GroupCommitAuditWriter(Pool pool, AuditConfig config, MeterRegistry registry) {
        this.pool = pool;
        this.maxBatch = config.maxBatch();
        this.maxInFlight = config.maxInFlight();
        this.batchSizes = DistributionSummary.builder("mercato.audit.batch.size")
                .description("rows per group-commit insert of the audit log").register(registry);
    }

    /** Completes when {@code row} is committed; fails when its batch could not be stored. */
    public Uni<Void> append(AuditRow row) {
        return Uni.createFrom().emitter(emitter -> {
            queue.add(new Pending(row, emitter, Vertx.currentContext()));
            flush();
        });
    }

    private void flush() {
        while (!queue.isEmpty()) {
            int current = inFlight.get();
            if (current >= maxInFlight) {
                return; // an insert in flight flushes again when it completes
            }
            if (!inFlight.compareAndSet(current, current + 1)) {
                continue;
            }
            List<Pending> batch = take();
            if (batch.isEmpty()) {
                inFlight.decrementAndGet();
                continue;
            }
            batchSizes.record(batch.size());
            pool.preparedQuery(INSERT).execute(tuple(batch)).subscribe().with(
                    ignored -> done(batch, null),
                    failure -> done(batch, failure));
        }
    }

    private void done(List<Pending> batch, Throwable failure) {
        inFlight.decrementAndGet();
        flush(); // start the next insert before answering this batch's callers
        for (Pending pending : batch) {
            pending.resume(failure);
        }
    }

    private List<Pending> take() {
        List<Pending> batch = new ArrayList<>();
        Pending next;
        while (batch.size() < maxBatch && (next = queue.poll()) != null) {
            batch.add(next);
        }
        return batch;
    }

    private static Tuple tuple(List<Pending> batch) {
        int n = batch.size();
        String[] ids = new String[n];
        OffsetDateTime[] times = new OffsetDateTime[n];
        String[] actors = new String[n];
        String[] paths = new String[n];
        String[] actions = new String[n];
        String[] types = new String[n];
        String[] targets = new String[n];
        String[] details = new String[n];
        String[] requests = new String[n];
        for (int i = 0; i < n; i++) {
            AuditRow row = batch.get(i).row;
            ids[i] = row.id();
            times[i] = row.occurredAt().atOffset(ZoneOffset.UTC);
            actors[i] = row.actor();
            paths[i] = row.ownerPath();
            actions[i] = row.action();
            types[i] = row.targetType();
            targets[i] = row.targetId();
            details[i] = row.detailsJson();
            requests[i] = row.requestId();
        }
        return Tuple.tuple().addArrayOfString(ids).addArrayOfOffsetDateTime(times).addArrayOfString(actors)
                .addArrayOfString(paths).addArrayOfString(actions).addArrayOfString(types).addArrayOfString(targets)
                .addArrayOfString(details).addArrayOfString(requests);
    }

    /** A row waiting to be stored; {@code context} is its caller's, null when it had none. */
    private record Pending(AuditRow row, UniEmitter<? super Void> emitter, Context context) {

        void resume(Throwable failure) {
            if (context == null || context == Vertx.currentContext()) {
                complete(failure);
            } else {
                context.runOnContext(ignored -> complete(failure));
            }
        }

        private void complete(Throwable failure) {
            if (failure == null) {
                emitter.complete(null);
            } else {
                emitter.fail(failure);
            }
        }
    }
}
