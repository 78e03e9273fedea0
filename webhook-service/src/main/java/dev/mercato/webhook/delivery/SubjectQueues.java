package dev.mercato.webhook.delivery;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import dev.mercato.platform.id.Ids;
import dev.mercato.platform.tracing.StoredTrace;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * The pending messages of one subject for one endpoint form a queue, and only its head may be sent: the {@code head}
 * flag marks it. Every statement that makes a message pending, or ends a pending head, goes through here and keeps
 * this true: <em>a subject with pending messages has exactly one head; when it ends (delivered or failed for good),
 * its oldest other pending message becomes the head.</em> The engine then claims heads with a plain index range
 * ({@code webhook_message_head_due}), whatever the planner believes about the table's size.
 * <p>
 * Storing a message and ending a head of the same subject must not interleave, or both could miss each other (the
 * store sees the old head still pending and stores a non-head; the end looks for a next one before the store commits
 * and finds none; the subject would wait forever). So both take a transaction-scoped advisory lock on the endpoint
 * before they look: exclusive to store (once per batch, endpoints in one sorted order, so two batches never deadlock),
 * shared to end (ends do not wait for each other). The lock is taken in a statement of its own: in read committed,
 * each later statement of the transaction sees everything committed before the lock was granted.
 */
public final class SubjectQueues {

    /** First key of this service's advisory locks; the second is the endpoint id's hash. */
    private static final int LOCK_NAMESPACE = 0x57484b51;

    private static final String LOCK = """
            select %s(%d, k) from (select distinct hashtext(e) as k from unnest($1::varchar[]) as e order by 1) keys""";
    private static final String LOCK_TO_STORE = LOCK.formatted("pg_advisory_xact_lock", LOCK_NAMESPACE);
    private static final String LOCK_TO_END = LOCK.formatted("pg_advisory_xact_lock_shared", LOCK_NAMESPACE);

    /** New messages are heads when their subject has nothing pending and nothing earlier in the same batch. */
    private static final String STORE = """
            insert into webhook_message (id, endpoint_id, event_id, event_type, subject, payload, request_id, status,
                next_attempt_at, created_at, trace_parent, trace_state, head)
            select m.id, m.endpoint_id, m.event_id, m.event_type, m.subject, m.payload, m.request_id, 'PENDING',
                now(), now(), m.trace_parent, m.trace_state,
                row_number() over (partition by m.endpoint_id, m.subject order by m.ord) = 1
                    and not exists (select 1 from webhook_message p
                                    where p.endpoint_id = m.endpoint_id and p.subject = m.subject
                                      and p.status = 'PENDING')
            from unnest($1::varchar[], $2::varchar[], $3::varchar[], $4::varchar[], $5::varchar[], $6::text[],
                        $7::varchar[], $8::varchar[], $9::varchar[])
                 with ordinality as m(id, endpoint_id, event_id, event_type, subject, payload, request_id, trace_parent,
                                      trace_state, ord)
            order by m.ord""";

    /**
     * The oldest pending message of each (endpoint, subject) of {@code endedHeads} (a relation with those two columns),
     * other than the messages of the array {@code justEnded} (ended by the same statement, so still pending in its
     * snapshot), becomes the head. Only the partial pending-subject index can answer the lookup: every other index on
     * the endpoint covers finished messages too, or heads only.
     */
    static String promoteNext(String endedHeads, String justEnded) {
        return """
                update webhook_message n set head = true
                where n.id in (
                    select (select p.id from webhook_message p
                            where p.endpoint_id = s.endpoint_id and p.subject = s.subject and p.status = 'PENDING'
                              and p.id <> all(%s)
                            order by p.seq limit 1)
                    from %s as s)""".formatted(justEnded, endedHeads);
    }

    private static final String PROMOTE_NEXT = promoteNext("(select $1::varchar as endpoint_id, $2::varchar as subject)",
            "'{}'::varchar[]");

    /**
     * Makes finished messages pending again (redeliver, replay) with {@code attempts} back to 0; each chosen subject
     * that has nothing pending gets its oldest chosen message as head, the others queue behind. $1 is the endpoint;
     * the condition names the rest.
     */
    private static final String REQUEUE = """
            with chosen as (
                select m.id, m.subject, m.seq from webhook_message m
                where m.endpoint_id = $1 and m.status <> 'PENDING' and %s),
            heads as (
                select distinct on (c.subject) c.id from chosen c
                where not exists (select 1 from webhook_message p
                                  where p.endpoint_id = $1 and p.subject = c.subject and p.status = 'PENDING')
                order by c.subject, c.seq)
            update webhook_message m set status = 'PENDING', attempts = 0, next_attempt_at = now(),
                head = m.id in (select id from heads)
            from chosen c
            where m.id = c.id""";

    /** Redeliver one message: $2 its id. */
    public static final String ONE_MESSAGE = "m.id = $2";
    /** Replay an endpoint's messages created since $2. */
    public static final String CREATED_SINCE = "m.created_at >= $2";
    /** Replay an endpoint's failed messages created since $2. */
    public static final String FAILED_SINCE = "m.created_at >= $2 and m.status = 'FAILED'";

    private SubjectQueues() {
    }

    /** Stores the messages, in order, in {@code sql}'s transaction. */
    public static Uni<Integer> store(SqlClient sql, NewMessages messages) {
        if (messages.size() == 0) {
            return Uni.createFrom().item(0);
        }
        return lock(sql, LOCK_TO_STORE, messages.endpoints)
                .chain(() -> sql.preparedQuery(STORE).execute(messages.tuple()))
                .replaceWith(messages.size());
    }

    /** Takes the shared lock a transaction needs before it ends heads of these endpoints (its first statement). */
    static Uni<Void> lockToEnd(SqlClient sql, Collection<String> endpointIds) {
        return lock(sql, LOCK_TO_END, endpointIds);
    }

    /** After a head of (endpoint, subject) ended in this transaction: the next message of its subject becomes the head. */
    static Uni<Void> promoteNext(SqlClient sql, String endpointId, String subject) {
        return sql.preparedQuery(PROMOTE_NEXT).execute(Tuple.of(endpointId, subject)).replaceWithVoid();
    }

    /**
     * Makes the endpoint's finished messages that meet {@code condition} ({@link #ONE_MESSAGE}, {@link #CREATED_SINCE},
     * {@link #FAILED_SINCE}, with $2 its value) pending again, in {@code sql}'s transaction.
     *
     * @return how many were requeued
     */
    public static Uni<Integer> requeue(SqlClient sql, String endpointId, String condition, Object value) {
        return lock(sql, LOCK_TO_STORE, List.of(endpointId))
                .chain(() -> sql.preparedQuery(REQUEUE.formatted(condition)).execute(Tuple.of(endpointId, value)))
                .map(rows -> rows.rowCount());
    }

    private static Uni<Void> lock(SqlClient sql, String statement, Collection<String> endpointIds) {
        return sql.preparedQuery(statement).execute(Tuple.of(endpointIds.toArray(String[]::new))).replaceWithVoid();
    }

    /** Messages to store, one array per column, in order. */
    public static final class NewMessages {
        private final List<String> ids = new ArrayList<>();
        private final List<String> endpoints = new ArrayList<>();
        private final List<String> events = new ArrayList<>();
        private final List<String> types = new ArrayList<>();
        private final List<String> subjects = new ArrayList<>();
        private final List<String> payloads = new ArrayList<>();
        private final List<String> requests = new ArrayList<>();
        private final List<String> traceParents = new ArrayList<>();
        private final List<String> traceStates = new ArrayList<>();

        /** Adds a message with a new id for one endpoint. */
        public void add(String endpointId, String eventId, String eventType, String subject, String payload,
                String requestId, StoredTrace trace) {
            ids.add(Ids.next("msg"));
            endpoints.add(endpointId);
            events.add(eventId);
            types.add(eventType);
            subjects.add(subject);
            payloads.add(payload);
            requests.add(requestId);
            traceParents.add(trace == null ? null : trace.traceparent());
            traceStates.add(trace == null ? null : trace.tracestate());
        }

        public int size() {
            return ids.size();
        }

        Tuple tuple() {
            Tuple tuple = Tuple.tuple();
            for (List<String> column : List.of(ids, endpoints, events, types, subjects, payloads, requests, traceParents,
                    traceStates)) {
                tuple.addArrayOfString(column.toArray(String[]::new));
            }
            return tuple;
        }
    }
}
