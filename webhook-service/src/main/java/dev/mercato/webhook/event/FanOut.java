package dev.mercato.webhook.event;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.mercato.platform.id.Ids;
import dev.mercato.webhook.WebhookConfig;
import dev.mercato.webhook.delivery.DeliveryEngine;
import dev.mercato.webhook.delivery.Payloads;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonArray;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Routes public events to the endpoints allowed to receive them and stores a message for each, inside the consuming
 * transaction (so an event is marked handled exactly when its messages exist), a whole batch of events with a handful
 * of statements. Recipients, by the organization tree: every enabled endpoint that wants the type and is owned by one
 * of the event's audience (the organizations that can read the object through the API — its customer, its vendor),
 * or owned by an organization above one of them that opted in with {@code includeDescendants}. No other organization
 * ever gets it.
 * <p>
 * An event naming an organization the directory does not know yet waits in {@code webhook_parked_event}, and so does
 * every later event of its subject (per-subject order). {@link #releaseWaiting} fans out the waiting events whose
 * audience is all known, oldest first per subject; it runs when an organization arrives and every
 * {@code parked-sweep-interval}.
 */
@ApplicationScoped
public class FanOut {

    private static final Logger LOG = Logger.getLogger(FanOut.class);
    private static final int RELEASE_BATCH = 500;

    /** The waiting events whose audience is all known and which are the oldest of their subject still waiting. */
    private static final String READY = """
            select p.id, p.event_type, p.subject, p.source, p.request_id, p.occurred_at, p.audience
            from webhook_parked_event p
            where not exists (select 1 from unnest(p.audience) as a(id)
                              where not exists (select 1 from directory_organization d where d.id = a.id))
              and p.id = (select o.id from webhook_parked_event o where o.subject = p.subject order by o.id limit 1)
            order by p.id
            limit $1
            for update of p skip locked""";

    private static final String INSERT_MESSAGES = """
            insert into webhook_message (id, endpoint_id, event_id, event_type, subject, payload, request_id, status,
                next_attempt_at, created_at, trace_parent, trace_state)
            select m.id, m.endpoint_id, m.event_id, m.event_type, m.subject, m.payload, m.request_id, 'PENDING',
                now(), now(), m.trace_parent, m.trace_state
            from unnest($1::varchar[], $2::varchar[], $3::varchar[], $4::varchar[], $5::varchar[], $6::text[],
                        $7::varchar[], $8::varchar[], $9::varchar[])
                 with ordinality as m(id, endpoint_id, event_id, event_type, subject, payload, request_id, trace_parent,
                                      trace_state, ord)
            order by m.ord""";

    private final Pool pool;
    private final Vertx vertx;
    private final ObjectMapper json;
    private final MeterRegistry registry;
    private final WebhookConfig config;
    private final DeliveryEngine engine;
    private final AtomicBoolean releasing = new AtomicBoolean();
    private final AtomicBoolean releaseAgain = new AtomicBoolean();
    private long sweepTimer = -1;

    public FanOut(Pool pool, Vertx vertx, ObjectMapper json, MeterRegistry registry, WebhookConfig config,
            DeliveryEngine engine) {
        this.pool = pool;
        this.vertx = vertx;
        this.json = json;
        this.registry = registry;
        this.config = config;
        this.engine = engine;
    }

    void start(@Observes StartupEvent event) {
        sweepTimer = vertx.setPeriodic(config.parkedSweepInterval().toMillis(), id -> releaseWaiting());
    }

    void stop(@Observes ShutdownEvent event) {
        if (sweepTimer >= 0) {
            vertx.cancelTimer(sweepTimer);
        }
    }

    /**
     * Stores, in {@code sql}'s transaction, a message for each recipient endpoint of each event, in order; an event
     * whose audience is not all known yet, or whose subject has events waiting, waits too.
     *
     * @return what was done with the events
     */
    public Uni<Routed> route(SqlClient sql, List<PublicEvent> events) {
        return Uni.combine().all().unis(withVendors(sql, events), waitingSubjects(sql, events)).asTuple()
                .chain(found -> fanOut(sql, found.getItem1(), found.getItem2()));
    }

    /** What {@link #route} did: messages stored, events left waiting. */
    public record Routed(int messages, int parked) {
    }

    /**
     * Fans out the waiting events that can go now, in transactions of their own, until none is left; calls while one
     * runs make it look once more instead of running beside it.
     */
    public void releaseWaiting() {
        if (!releasing.compareAndSet(false, true)) {
            releaseAgain.set(true);
            return;
        }
        releaseAgain.set(false);
        pool.withTransaction(sql -> sql.preparedQuery(READY).execute(Tuple.of(RELEASE_BATCH)).chain(rows -> {
            List<Long> ids = new ArrayList<>();
            List<PublicEvent> ready = new ArrayList<>();
            rows.forEach(row -> {
                ids.add(row.getLong("id"));
                ready.add(parked(row));
            });
            if (ids.isEmpty()) {
                return Uni.createFrom().item(0);
            }
            return sql.preparedQuery("delete from webhook_parked_event where id = any($1)")
                    .execute(Tuple.of(ids.toArray(Long[]::new)))
                    .chain(() -> fanOut(sql, ready, Set.of()))
                    .invoke(routed -> LOG.infof("%d waiting event(s) released, %d message(s) stored", ids.size(),
                            routed.messages()))
                    .replaceWith(ids.size());
        })).subscribe().with(released -> {
            releasing.set(false);
            if (released > 0) {
                engine.wake();
            }
            if (released > 0 || releaseAgain.get()) {
                releaseWaiting();
            }
        }, failure -> {
            releasing.set(false);
            LOG.warnf("waiting webhook events could not be released (tried again within %s): %s",
                    config.parkedSweepInterval(), failure.toString());
        });
    }

    /**
     * Routes {@code events} (their vendors known); those of {@code waitingSubjects} wait behind the events parked
     * before them. Statements that do not wait for each other's answers are sent together, pipelined on the
     * transaction's connection: a poll's fan-out is three round trips to the database, where it was five or six.
     */
    private Uni<Routed> fanOut(SqlClient sql, List<PublicEvent> events, Set<String> waitingSubjects) {
        Set<String> members = new LinkedHashSet<>();
        events.forEach(event -> members.addAll(event.audience()));
        if (members.isEmpty()) {
            return Uni.createFrom().item(new Routed(0, 0));
        }
        return Uni.combine().all().unis(paths(sql, members), candidates(sql, members)).asTuple().chain(found -> {
            Map<String, String> paths = found.getItem1();
            List<PublicEvent> toRoute = new ArrayList<>();
            List<PublicEvent> toPark = new ArrayList<>();
            Set<String> held = new HashSet<>(waitingSubjects);
            for (PublicEvent event : events) {
                if (event.audience().isEmpty()) {
                    continue;
                }
                if (held.contains(event.subject()) || !paths.keySet().containsAll(event.audience())) {
                    held.add(event.subject());
                    toPark.add(event);
                } else {
                    toRoute.add(event);
                }
            }
            return Uni.combine().all().unis(park(sql, toPark, paths), store(sql, toRoute, paths, found.getItem2()))
                    .with((parked, stored) -> new Routed(stored, parked));
        });
    }

    private Uni<Integer> store(SqlClient sql, List<PublicEvent> events, Map<String, String> paths,
            List<Candidate> candidates) {
        Messages messages = new Messages();
        Instant now = Instant.now();
        for (PublicEvent event : events) {
            Map<String, String> audiencePaths = new HashMap<>();
            event.audience().forEach(id -> audiencePaths.put(id, paths.get(id)));
            List<Candidate> recipients = candidates.stream()
                    .filter(endpoint -> endpoint.wants(event.type()) && endpoint.receives(audiencePaths))
                    .toList();
            if (recipients.isEmpty()) {
                continue;
            }
            String eventId = Ids.next("evt");
            String payload = Payloads.body(eventId, event.type(), event.occurredAt() == null ? now : event.occurredAt(),
                    EventCatalogue.data(event.type(), event.source()));
            recipients.forEach(endpoint -> messages.add(endpoint.id(), eventId, event, payload));
            registry.counter("mercato.webhooks.messages.stored", "event", event.type()).increment(recipients.size());
        }
        return messages.size() == 0 ? Uni.createFrom().item(0)
                : sql.preparedQuery(INSERT_MESSAGES).execute(messages.tuple()).replaceWith(messages.size());
    }

    private Uni<Integer> park(SqlClient sql, List<PublicEvent> events, Map<String, String> known) {
        if (events.isEmpty()) {
            return Uni.createFrom().item(0);
        }
        List<Tuple> rows = new ArrayList<>();
        for (PublicEvent event : events) {
            List<String> missing = event.audience().stream().filter(id -> !known.containsKey(id)).toList();
            if (missing.isEmpty()) {
                LOG.infof("%s about %s waits behind earlier events of its subject", event.type(), event.subject());
            } else {
                LOG.infof("%s about %s waits for organization(s) %s, not yet in the directory", event.type(),
                        event.subject(), missing);
            }
            registry.counter("mercato.webhooks.events.parked", "event", event.type()).increment();
            rows.add(Tuple.tuple(List.of(event.type(), event.subject(), event.source().toString()))
                    .addString(event.requestId())
                    .addOffsetDateTime(event.occurredAt() == null ? null
                            : OffsetDateTime.ofInstant(event.occurredAt(), ZoneOffset.UTC))
                    .addArrayOfString(event.audience().toArray(String[]::new)));
        }
        return sql.preparedQuery("""
                insert into webhook_parked_event (event_type, subject, source, request_id, occurred_at, audience, parked_at)
                values ($1, $2, $3, $4, $5, $6, now())""").executeBatch(rows).replaceWith(events.size());
    }

    /** The events with the vendor of what was sold added to their audience (product owners looked up at once). */
    private static Uni<List<PublicEvent>> withVendors(SqlClient sql, List<PublicEvent> events) {
        Set<String> products = new LinkedHashSet<>();
        events.forEach(event -> products.addAll(event.soldAs()));
        if (products.isEmpty()) {
            return Uni.createFrom().item(events);
        }
        return sql.preparedQuery("select id, owner_id from product_owner where id = any($1)")
                .execute(Tuple.of(products.toArray(String[]::new)))
                .map(rows -> {
                    Map<String, String> owners = new HashMap<>();
                    rows.forEach(row -> owners.put(row.getString("id"), row.getString("owner_id")));
                    return events.stream().map(event -> event.withVendor(event.soldAs().stream()
                            .map(owners::get).filter(owner -> owner != null).findFirst().orElse(null))).toList();
                });
    }

    private static Uni<Set<String>> waitingSubjects(SqlClient sql, List<PublicEvent> events) {
        String[] subjects = events.stream().map(PublicEvent::subject).distinct().toArray(String[]::new);
        return sql.preparedQuery("select distinct subject from webhook_parked_event where subject = any($1)")
                .execute(Tuple.of(subjects))
                .map(rows -> {
                    Set<String> waiting = new HashSet<>();
                    rows.forEach(row -> waiting.add(row.getString(0)));
                    return waiting;
                });
    }

    private static Uni<Map<String, String>> paths(SqlClient sql, Set<String> ids) {
        return sql.preparedQuery("select id, path from directory_organization where id = any($1)")
                .execute(Tuple.of(ids.toArray(String[]::new)))
                .map(rows -> {
                    Map<String, String> paths = new HashMap<>();
                    rows.forEach(row -> paths.put(row.getString("id"), row.getString("path")));
                    return paths;
                });
    }

    /** The enabled endpoints owned by an audience member, or by anyone who opted in to descendants' events. */
    private static Uni<List<Candidate>> candidates(SqlClient sql, Set<String> audience) {
        String[] owners = audience.toArray(String[]::new);
        return sql.preparedQuery("""
                        select id, owner_id, owner_path, include_descendants, event_types -> 'types' as types
                        from webhook_endpoint
                        where enabled and (owner_id = any($1) or include_descendants)""")
                .execute(Tuple.of(owners))
                .map(rows -> {
                    List<Candidate> candidates = new ArrayList<>();
                    rows.forEach(row -> candidates.add(Candidate.of(row)));
                    return candidates;
                });
    }

    private PublicEvent parked(Row row) {
        JsonNode source;
        try {
            source = json.readTree(row.getString("source"));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a parked event's data is not JSON", e);
        }
        OffsetDateTime occurredAt = row.getOffsetDateTime("occurred_at");
        return new PublicEvent(row.getString("event_type"), row.getString("subject"), source,
                row.getString("request_id"), occurredAt == null ? null : occurredAt.toInstant(),
                List.of(row.getArrayOfStrings("audience")), List.of(), null);
    }

    /** An endpoint that may receive an event: what routing needs of it. */
    record Candidate(String id, String ownerId, String ownerPath, boolean includeDescendants, Set<String> types) {

        static Candidate of(Row row) {
            Object types = row.getValue("types");
            Set<String> wanted = null;
            if (types instanceof JsonArray array) {
                wanted = new HashSet<>();
                for (Object type : array) {
                    wanted.add(String.valueOf(type));
                }
            }
            return new Candidate(row.getString("id"), row.getString("owner_id"), row.getString("owner_path"),
                    row.getBoolean("include_descendants"), wanted);
        }

        /** Whether it wants events of {@code type}; no list means every type. */
        boolean wants(String type) {
            return types == null || types.contains(type);
        }

        /** Whether it may receive an event whose audience has these paths (id → path). */
        boolean receives(Map<String, String> audiencePaths) {
            for (Map.Entry<String, String> member : audiencePaths.entrySet()) {
                if (ownerId.equals(member.getKey())) {
                    return true;
                }
                if (includeDescendants && member.getValue().startsWith(ownerPath + "/")) {
                    return true;
                }
            }
            return false;
        }
    }

    /** The columns of the messages to insert, one array per column, in order. */
    private static final class Messages {
        private final List<String> ids = new ArrayList<>();
        private final List<String> endpoints = new ArrayList<>();
        private final List<String> events = new ArrayList<>();
        private final List<String> types = new ArrayList<>();
        private final List<String> subjects = new ArrayList<>();
        private final List<String> payloads = new ArrayList<>();
        private final List<String> requests = new ArrayList<>();
        private final List<String> traceParents = new ArrayList<>();
        private final List<String> traceStates = new ArrayList<>();

        void add(String endpointId, String eventId, PublicEvent event, String payload) {
            ids.add(Ids.next("msg"));
            endpoints.add(endpointId);
            events.add(eventId);
            types.add(event.type());
            subjects.add(event.subject());
            payloads.add(payload);
            requests.add(event.requestId());
            traceParents.add(event.trace().traceparent());
            traceStates.add(event.trace().tracestate());
        }

        int size() {
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
