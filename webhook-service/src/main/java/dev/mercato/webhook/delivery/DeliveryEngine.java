package dev.mercato.webhook.delivery;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.mercato.platform.crypto.AesGcm;
import dev.mercato.platform.id.Ids;
import dev.mercato.platform.tracing.StoredTrace;
import dev.mercato.webhook.WebhookConfig;
import dev.mercato.webhook.endpoint.SecretEncryption;
import dev.mercato.webhook.event.EventCatalogue;
import dev.mercato.webhook.ssrf.UrlGuard;
import dev.mercato.webhook.ssrf.UrlGuard.RefusedUrlException;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.opentelemetry.api.trace.Span;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Sends stored messages. Each round claims due messages with {@code for update skip locked} (safe with any number of
 * instances) by moving their {@code next_attempt_at} a lease ahead: a message stays PENDING while it is sent, so a crash
 * at any moment leaves it to be claimed again once the lease runs out — nothing is lost, and a duplicate carries the
 * same {@code webhook-id}. Only the oldest pending message of a subject for an endpoint is eligible (per-subject order);
 * endpoints never wait for each other: an endpoint whose circuit is open, whose rate limit is spent or which has
 * {@code max-in-flight-per-endpoint} attempts running has its messages left for later, and the round goes on.
 */
@Singleton
public class DeliveryEngine {

    private static final Logger LOG = Logger.getLogger(DeliveryEngine.class);

    /**
     * Up to $3 due messages per enabled endpoint whose circuit is closed (each endpoint its own index range, so none
     * waits behind another's pile), each the oldest pending message of its subject; $1 in all; leased for $2 seconds.
     * An endpoint whose circuit has been open ($4 consecutive failures) and whose open period is over is half-open: it
     * gets one message, the probe, and its circuit is closed again for $5 seconds while the probe is out, so no other
     * message follows until the probe succeeds (which closes the circuit) or fails (which opens it again).
     * Endpoints with attempts running in this instance ($6 ids, $7 free slots each) get no more than their free slots,
     * so nothing is claimed only to be put back.
     * The head of a subject is found with {@code order by seq limit 1}: one entry of the pending-subject index, where a
     * {@code not exists} anti-join scanned every pending message of the endpoint for each candidate (minutes with
     * 40,000 pending). The due index's predicate names {@code next_attempt_at}, which the head lookup does not bound, so
     * statistics taken while the table was empty can no longer lead the planner there (docs/BENCHMARKS.md, "A backlog
     * that stalled the engine"). The claim still runs under {@code claim-timeout} ({@link BoundedStatements}).
     */
    private static final String CLAIM = """
            with busy as (
                select * from unnest($6::varchar[], $7::int[]) as b(endpoint_id, free)),
            due as (
                select c.id, e.id as endpoint_id, e.consecutive_failures >= $4 as probe from webhook_endpoint e
                left join busy b on b.endpoint_id = e.id
                cross join lateral (
                    select m.id from webhook_message m
                    where m.endpoint_id = e.id and m.status = 'PENDING' and m.next_attempt_at <= now()
                      and m.seq = (select p.seq from webhook_message p
                                   where p.endpoint_id = m.endpoint_id and p.subject = m.subject
                                     and p.status = 'PENDING'
                                   order by p.seq limit 1)
                    order by m.next_attempt_at
                    limit least(coalesce(b.free, $3), case when e.consecutive_failures >= $4 then 1 else $3 end)
                    for update of m skip locked) c
                where e.enabled and (e.circuit_open_until is null or e.circuit_open_until <= now())
                  and coalesce(b.free, $3) > 0
                limit $1),
            probing as (
                update webhook_endpoint set circuit_open_until = now() + make_interval(secs => $5::float8)
                where id in (select endpoint_id from due where probe))
            update webhook_message m set next_attempt_at = now() + make_interval(secs => $2::float8)
            from due, webhook_endpoint e
            where m.id = due.id and e.id = m.endpoint_id
            returning m.id, m.endpoint_id, m.subject, m.event_type, m.payload, m.request_id, m.attempts,
                      m.trace_parent, m.trace_state, e.url, e.secret, e.previous_secret, e.previous_secret_until,
                      e.custom_headers, e.rate_limit_per_second""";

    private static final String CLAIM_ONE = """
            update webhook_message m set next_attempt_at = now() + make_interval(secs => $2::float8)
            from webhook_endpoint e
            where m.id = $1 and m.status = 'PENDING' and e.id = m.endpoint_id
            returning m.id, m.endpoint_id, m.subject, m.event_type, m.payload, m.request_id, m.attempts,
                      m.trace_parent, m.trace_state, e.url, e.secret, e.previous_secret, e.previous_secret_until,
                      e.custom_headers, e.rate_limit_per_second""";

    /** How long slots freed by finished attempts are gathered before the claim they call for. */
    static final long SLOT_WAKE_DELAY_MILLIS = 5;

    private final Pool pool;
    /** Leases (the claim, a hold-back) commit there without waiting for the WAL flush ({@link DeliveryPool}). */
    private final Pool leases;
    private final Vertx vertx;
    private final WebhookConfig config;
    private final UrlGuard guard;
    private final WebhookSender sender;
    private final EndpointRateLimits rateLimits;
    private final MeterRegistry registry;
    private final SecretEncryption encryption;
    private final DeliveredRecorder recorder;
    private final DeliverySpans spans;
    private final BoundedStatements bounded;
    private final AtomicInteger inFlight = new AtomicInteger();
    private final Map<String, AtomicInteger> inFlightByEndpoint = new ConcurrentHashMap<>();
    private final AtomicBoolean polling = new AtomicBoolean();
    private final AtomicBoolean pollAgain = new AtomicBoolean();
    private final AtomicBoolean slotWakeScheduled = new AtomicBoolean();
    private volatile boolean stopped;
    private volatile boolean paused;
    private long timerId = -1;

    public DeliveryEngine(Pool pool, DeliveryPool deliveryPool, Vertx vertx, WebhookConfig config, UrlGuard guard, WebhookSender sender,
            EndpointRateLimits rateLimits, MeterRegistry registry, SecretEncryption encryption,
            DeliveredRecorder recorder, DeliverySpans spans, BoundedStatements bounded) {
        this.pool = pool;
        this.leases = deliveryPool.pool();
        this.vertx = vertx;
        this.config = config;
        this.guard = guard;
        this.sender = sender;
        this.rateLimits = rateLimits;
        this.registry = registry;
        this.encryption = encryption;
        this.recorder = recorder;
        this.spans = spans;
        this.bounded = bounded;
        registry.gauge("mercato.webhooks.in.flight", inFlight);
    }

    void start(@Observes StartupEvent event) {
        if (config.engineEnabled()) {
            timerId = vertx.setPeriodic(config.pollInterval().toMillis(), id -> wake());
        }
    }

    void stop(@Observes ShutdownEvent event) {
        stopped = true;
        if (timerId >= 0) {
            vertx.cancelTimer(timerId);
        }
    }

    /** Stops claiming new messages (attempts in flight finish); for tests that look at messages before they go. */
    public void pause(boolean pause) {
        this.paused = pause;
    }

    /** Attempts running in this instance. */
    public int inFlight() {
        return inFlight.get();
    }

    /** Looks for due messages now (new messages were stored, or a slot came free). */
    public void wake() {
        if (stopped || paused || !config.engineEnabled()) {
            return;
        }
        if (!polling.compareAndSet(false, true)) {
            pollAgain.set(true);
            return;
        }
        pollAgain.set(false);
        int room = Math.min(config.batchSize(), config.maxInFlight() - inFlight.get());
        if (room <= 0) {
            polling.set(false);
            return;
        }
        int perEndpoint = Math.min(room, config.maxInFlightPerEndpoint());
        List<String> busyEndpoints = new ArrayList<>();
        List<Integer> freeSlots = new ArrayList<>();
        inFlightByEndpoint.forEach((endpointId, running) -> {
            int count = running.get();
            if (count > 0) {
                busyEndpoints.add(endpointId);
                freeSlots.add(Math.max(0, config.maxInFlightPerEndpoint() - count));
            }
        });
        Tuple arguments = Tuple.tuple().addInteger(room).addDouble((double) config.lease().toSeconds())
                .addInteger(perEndpoint).addInteger(config.circuitBreakerThreshold())
                .addDouble(seconds(config.circuitBreakerOpen()))
                .addArrayOfString(busyEndpoints.toArray(String[]::new))
                .addArrayOfInteger(freeSlots.toArray(Integer[]::new));
        Timer.Sample round = Timer.start(registry);
        bounded.execute(leases, BoundedStatements.Statement.CLAIM, CLAIM, arguments)
                .subscribe().with(rows -> {
                    round.stop(registry.timer("mercato.webhooks.claim.duration"));
                    registry.counter("mercato.webhooks.claimed").increment(rows.size());
                    List<Claimed> claimed = new ArrayList<>();
                    rows.forEach(row -> {
                        try {
                            claimed.add(Claimed.of(row, encryption));
                        } catch (AesGcm.WrongKeyException e) {
                            LOG.errorf("webhook message %s: its endpoint's secret cannot be decrypted with the configured "
                                    + "mercato.webhooks.secret-encryption-key (it is tried again after its lease)",
                                    row.getString("id"));
                        }
                    });
                    try {
                        dispatch(claimed);
                    } finally {
                        // whatever dispatching did, the next wake-up claims again (a flag left set would stop the engine)
                        polling.set(false);
                    }
                    if (claimed.size() == room || pollAgain.get()) {
                        wake();
                    }
                }, failure -> {
                    polling.set(false);
                    if (!BoundedStatements.timedOut(failure)) { // a timeout was logged where it was recognised
                        LOG.warnf("webhook messages could not be claimed (will retry): %s", failure.toString());
                    }
                });
    }

    /**
     * A slot came free: one claim for all the slots freed within {@link #SLOT_WAKE_DELAY_MILLIS}, not one per attempt
     * (at 1,000 deliveries a second the service's database counted about 650 commits a second, claims among the most
     * frequent, each a transaction over all endpoints). New messages wake the engine at once ({@link #wake}).
     */
    private void wakeSoon() {
        if (slotWakeScheduled.compareAndSet(false, true)) {
            vertx.setTimer(SLOT_WAKE_DELAY_MILLIS, id -> {
                slotWakeScheduled.set(false);
                wake();
            });
        }
    }

    /** Sends one pending message now, whatever its endpoint's state, and answers with the attempt's outcome. */
    public Uni<WebhookSender.Outcome> deliverNow(String messageId) {
        return pool.preparedQuery(CLAIM_ONE).execute(Tuple.of(messageId, (double) config.lease().toSeconds()))
                .chain(rows -> {
                    if (rows.size() == 0) {
                        return Uni.createFrom().nullItem();
                    }
                    Claimed message = Claimed.of(rows.iterator().next(), encryption);
                    Slot slot = begin(message.endpointId());
                    return attempt(message, slot).eventually(slot::end);
                });
    }

    private void dispatch(List<Claimed> claimed) {
        List<String> released = new ArrayList<>();
        long releaseMillis = 1000;
        for (Claimed message : claimed) {
            AtomicInteger running = inFlightByEndpoint.computeIfAbsent(message.endpointId(), id -> new AtomicInteger());
            if (running.get() >= config.maxInFlightPerEndpoint()) {
                released.add(message.id());
                continue;
            }
            long wait = rateLimits.tryAcquire(message.endpointId(), message.rateLimitPerSecond());
            if (wait > 0) {
                released.add(message.id());
                releaseMillis = Math.min(releaseMillis, wait);
                continue;
            }
            Slot slot = begin(message.endpointId());
            attempt(message, slot).eventually(slot::end)
                    .subscribe().with(outcome -> {
                    }, failure -> LOG.errorf("webhook message %s: the attempt could not be recorded (it is retried "
                            + "after its lease): %s", message.id(), failure.toString()));
        }
        if (!released.isEmpty()) {
            // Left for later without counting an attempt: the endpoint's rate limit or its share of slots is spent.
            leases.preparedQuery("update webhook_message set next_attempt_at = now() + make_interval(secs => $2::float8) "
                    + "where id = any($1) and status = 'PENDING'")
                    .execute(Tuple.of(released.toArray(String[]::new), releaseMillis / 1000.0))
                    .subscribe().with(ignored -> {
                    }, failure -> LOG.warnf("held-back webhook messages could not be rescheduled (their lease "
                            + "brings them back): %s", failure.toString()));
        }
    }

    private Slot begin(String endpointId) {
        inFlight.incrementAndGet();
        inFlightByEndpoint.computeIfAbsent(endpointId, id -> new AtomicInteger()).incrementAndGet();
        return new Slot(endpointId);
    }

    /**
     * One attempt's share of the limits: its endpoint's slot is given back as soon as the receiver has answered (the
     * per-endpoint limit bounds the requests a receiver sees at once), the instance's once the outcome is recorded.
     */
    private final class Slot {
        private final String endpointId;
        private final AtomicBoolean endpointReleased = new AtomicBoolean();

        Slot(String endpointId) {
            this.endpointId = endpointId;
        }

        void receiverDone() {
            if (endpointReleased.compareAndSet(false, true)) {
                AtomicInteger running = inFlightByEndpoint.get(endpointId);
                if (running != null) {
                    running.decrementAndGet();
                }
                wakeSoon();
            }
        }

        Uni<Void> end() {
            inFlight.decrementAndGet();
            receiverDone();
            wakeSoon();
            return Uni.createFrom().voidItem();
        }
    }

    private Uni<WebhookSender.Outcome> attempt(Claimed message, Slot slot) {
        Instant attemptedAt = Instant.now();
        Timer.Sample sample = Timer.start(registry);
        Span span = spans.start(message);
        // A literal address needs no DNS and is checked on the spot; a name is resolved off the event loop.
        Uni<UrlGuard.Target> checked = UrlGuard.isAddressLiteral(message.url())
                ? Uni.createFrom().item(() -> {
                    try {
                        return guard.check(message.url());
                    } catch (RefusedUrlException e) {
                        throw new RefusedUrl(e);
                    }
                })
                : vertx.executeBlocking(() -> guard.check(message.url()), false);
        return checked
                .onItem().transformToUni(target -> {
                    DeliverySpans.target(span, target);
                    byte[] body = message.payload().getBytes(StandardCharsets.UTF_8);
                    return sender.send(target, headers(message, body, attemptedAt), body);
                })
                .onFailure(e -> e instanceof RefusedUrlException || e instanceof RefusedUrl)
                .recoverWithItem(refused -> new WebhookSender.Outcome(null, 0, null, "refused: the URL "
                        + (refused instanceof RefusedUrl wrapped ? wrapped.getCause() : refused).getMessage(), null))
                .onFailure().recoverWithItem(e -> new WebhookSender.Outcome(null, 0, null,
                        "could not be sent: " + e.getClass().getSimpleName(), null))
                .invoke(outcome -> DeliverySpans.finish(span, outcome))
                .invoke(slot::receiverDone)
                .chain(outcome -> record(message, attemptedAt, outcome).replaceWith(outcome))
                .invoke(outcome -> {
                    String result = outcome.succeeded() ? "delivered" : "failed";
                    sample.stop(registry.timer("mercato.webhooks.attempt.duration", "outcome", result));
                    registry.counter("mercato.webhooks.attempts", "outcome", result).increment();
                    if (!outcome.succeeded()) {
                        LOG.warnf("webhook message %s (%s) to endpoint %s, attempt %d failed: status %s, %s",
                                message.id(), message.eventType(), message.endpointId(), message.attempts() + 1,
                                outcome.statusCode(), outcome.error() == null ? "receiver refused it" : outcome.error());
                    }
                });
    }

    /** Content type, the signatures, the event and request ids, then the endpoint's own headers (never replacing ours). */
    private static Map<String, String> headers(Claimed message, byte[] body, Instant attemptedAt) {
        long timestamp = attemptedAt.getEpochSecond();
        Map<String, String> headers = new LinkedHashMap<>();
        if (message.customHeaders() != null) {
            message.customHeaders().forEach((name, value) -> headers.put(name, String.valueOf(value)));
        }
        headers.put("Content-Type", "application/json");
        headers.put("User-Agent", "Mercato-Webhooks/1.0");
        headers.put("webhook-id", message.id());
        headers.put("webhook-timestamp", Long.toString(timestamp));
        String signature = Signatures.standard(message.secret(), message.id(), timestamp, body);
        headers.put(Signatures.HEX_HEADER, Signatures.hex(message.secret(), body));
        if (message.previousSecret() != null && message.previousSecretUntil() != null
                && message.previousSecretUntil().isAfter(attemptedAt)) {
            signature += " " + Signatures.standard(message.previousSecret(), message.id(), timestamp, body);
            headers.put(Signatures.HEX_HEADER_PREVIOUS, Signatures.hex(message.previousSecret(), body));
        }
        headers.put("webhook-signature", signature);
        headers.put("X-Mercato-Event", message.eventType());
        if (message.requestId() != null) {
            headers.put("X-Request-ID", message.requestId());
        }
        return headers;
    }

    private Uni<Void> record(Claimed message, Instant attemptedAt, WebhookSender.Outcome outcome) {
        OffsetDateTime at = OffsetDateTime.ofInstant(attemptedAt, ZoneOffset.UTC);
        if (outcome.succeeded()) {
            return recorder.record(message.id(), message.endpointId(), at, outcome.statusCode(), outcome.durationMs(),
                    truncate(outcome.excerpt()));
        }
        boolean gone = outcome.statusCode() != null && outcome.statusCode() == 410;
        Duration delay = gone ? null : nextDelay(message.attempts() + 1, outcome);
        String status = delay == null ? "FAILED" : "PENDING";
        double delaySeconds = delay == null ? 0 : delay.toMillis() / 1000.0;
        return pool.withTransaction(sql -> sql.preparedQuery("""
                        update webhook_message set status = $2::varchar, attempts = attempts + 1, last_attempt_at = $3,
                            last_status_code = $4::int, last_error = $5::varchar,
                            next_attempt_at = case when $2::varchar = 'PENDING' then now() + make_interval(secs => $6::float8)
                                                   else next_attempt_at end
                        where id = $1 and status = 'PENDING'""")
                .execute(Tuple.tuple(List.of(message.id(), status, at))
                        .addInteger(outcome.statusCode()).addString(truncate(outcome.error())).addDouble(delaySeconds))
                .chain(() -> sql.preparedQuery("""
                        insert into webhook_attempt (message_id, endpoint_id, attempted_at, outcome, status_code,
                            duration_ms, response_excerpt, error)
                        values ($1, $2, $3, $4, $5, $6, $7, $8)""")
                        .execute(Tuple.tuple(List.of(message.id(), message.endpointId(), at, "FAILED"))
                                .addInteger(outcome.statusCode()).addInteger(outcome.durationMs())
                                .addString(truncate(outcome.excerpt())).addString(truncate(outcome.error()))))
                .chain(() -> "PENDING".equals(status) ? holdSubject(sql, message, delaySeconds) : Uni.createFrom().voidItem())
                .chain(() -> failing(sql, message, gone)));
    }

    /**
     * The later messages of a subject wait for its head anyway: they are moved to the head's next attempt, so they do
     * not fill the endpoint's claim window while the endpoint's other subjects are ready. Its subject lookup is planned
     * from the same statistics as the claim's, so it runs under the same timeout.
     */
    private Uni<Void> holdSubject(SqlClient sql, Claimed message, double delaySeconds) {
        return bounded.executeInTransaction(sql, BoundedStatements.Statement.HOLD_SUBJECT, """
                update webhook_message set next_attempt_at = now() + make_interval(secs => $3::float8)
                where endpoint_id = $1 and subject = $2 and status = 'PENDING' and id <> $4
                  and seq > (select seq from webhook_message where id = $4)
                  and next_attempt_at < now() + make_interval(secs => $3::float8)""",
                Tuple.of(message.endpointId(), message.subject(), delaySeconds, message.id()))
                .replaceWithVoid();
    }

    /** Counts the failure; opens the circuit at the threshold; disables the endpoint on 410 or after days of failing. */
    private Uni<Void> failing(SqlClient sql, Claimed message, boolean gone) {
        return sql.preparedQuery("""
                update webhook_endpoint e set
                    consecutive_failures = e.consecutive_failures + 1,
                    failing_since = coalesce(e.failing_since, now()),
                    circuit_open_until = case when e.consecutive_failures + 1 >= $2::int
                                              then now() + make_interval(secs => $3::float8) else e.circuit_open_until end,
                    enabled = case when $4::boolean or coalesce(e.failing_since, now()) < now() - make_interval(secs => $5::float8)
                                   then false else e.enabled end,
                    disabled_reason = case when not e.enabled then e.disabled_reason
                                           when $4::boolean then 'GONE'
                                           when coalesce(e.failing_since, now()) < now() - make_interval(secs => $5::float8)
                                           then 'FAILING' else e.disabled_reason end,
                    updated_at = case when e.enabled and ($4::boolean or coalesce(e.failing_since, now())
                                      < now() - make_interval(secs => $5::float8)) then now() else e.updated_at end
                from (select id, enabled from webhook_endpoint where id = $1 for update) before
                where e.id = before.id
                returning before.enabled as was_enabled, e.enabled, e.owner_id, e.url, e.disabled_reason, e.failing_since,
                    e.consecutive_failures""")
                .execute(Tuple.of(message.endpointId(), config.circuitBreakerThreshold(),
                        seconds(config.circuitBreakerOpen()), gone, seconds(config.disableAfter())))
                .chain(rows -> {
                    if (rows.size() == 0) {
                        return Uni.createFrom().voidItem();
                    }
                    Row row = rows.iterator().next();
                    if (row.getBoolean("was_enabled") && !row.getBoolean("enabled")) {
                        registry.counter("mercato.webhooks.endpoints.disabled", "reason", row.getString("disabled_reason"))
                                .increment();
                        LOG.warnf("webhook endpoint %s of %s is disabled: %s (failing since %s, %d failed attempts in a row); "
                                + "its owner's other endpoints get endpoint.disabled", message.endpointId(),
                                row.getString("owner_id"), row.getString("disabled_reason"),
                                row.getOffsetDateTime("failing_since"), row.getInteger("consecutive_failures"));
                        return notifyDisabled(sql, message.endpointId(), row.getString("owner_id"), row.getString("url"),
                                row.getString("disabled_reason"));
                    }
                    return Uni.createFrom().voidItem();
                });
    }

    /** Stores an {@code endpoint.disabled} message for each other enabled endpoint of the owner that wants it. */
    static Uni<Void> notifyDisabled(SqlClient sql, String endpointId, String ownerId, String url, String reason) {
        return sql.preparedQuery("""
                select id from webhook_endpoint
                where owner_id = $1 and id <> $2 and enabled
                  and (jsonb_typeof(event_types -> 'types') is distinct from 'array'
                       or event_types -> 'types' ? 'endpoint.disabled')""")
                .execute(Tuple.of(ownerId, endpointId))
                .chain(rows -> {
                    if (rows.size() == 0) {
                        return Uni.createFrom().voidItem();
                    }
                    Instant now = Instant.now();
                    ObjectNode data = JsonNodeFactory.instance.objectNode()
                            .put("id", endpointId).put("url", url).put("reason", reason).put("disabledAt", now.toString());
                    String eventId = Ids.next("evt");
                    String payload = Payloads.body(eventId, EventCatalogue.ENDPOINT_DISABLED, now, data);
                    List<Tuple> batch = new ArrayList<>();
                    rows.forEach(row -> batch.add(Tuple.of(Ids.next("msg"), row.getString("id"), eventId,
                            EventCatalogue.ENDPOINT_DISABLED, endpointId, payload)));
                    return sql.preparedQuery("""
                            insert into webhook_message (id, endpoint_id, event_id, event_type, subject, payload, status,
                                next_attempt_at, created_at)
                            values ($1, $2, $3, $4, $5, $6, 'PENDING', now(), now())""")
                            .executeBatch(batch).replaceWithVoid();
                });
    }

    /** The delay before the next attempt, or null when the schedule is spent. {@code Retry-After} wins when given. */
    Duration nextDelay(int attemptsMade, WebhookSender.Outcome outcome) {
        List<Duration> schedule = config.retrySchedule();
        if (attemptsMade >= schedule.size()) {
            return null;
        }
        Integer code = outcome.statusCode();
        if (outcome.retryAfter() != null && code != null && (code == 429 || code == 503)) {
            Duration wanted = outcome.retryAfter();
            return wanted.compareTo(config.maxRetryAfter()) > 0 ? config.maxRetryAfter() : wanted;
        }
        Duration base = schedule.get(attemptsMade);
        double jitter = 1 + (ThreadLocalRandom.current().nextDouble() * 2 - 1) * config.retryJitter();
        return Duration.ofMillis(Math.max(0, (long) (base.toMillis() * jitter)));
    }

    private static double seconds(Duration duration) {
        return duration.toMillis() / 1000.0;
    }

    private static String truncate(String text) {
        return text == null || text.length() <= 1000 ? text : text.substring(0, 1000);
    }

    /** A refused URL found on the spot, carried through Mutiny (which takes unchecked failures only). */
    private static final class RefusedUrl extends RuntimeException {
        RefusedUrl(RefusedUrlException cause) {
            super(cause.getMessage(), cause, false, false);
        }
    }

    /** A claimed message with what sending it needs of its endpoint. */
    record Claimed(String id, String endpointId, String subject, String eventType, String payload, String requestId, int attempts,
            StoredTrace trace, String url, String secret, String previousSecret, Instant previousSecretUntil,
            Map<String, Object> customHeaders, Integer rateLimitPerSecond) {

        static Claimed of(Row row, SecretEncryption encryption) {
            String endpointId = row.getString("endpoint_id");
            OffsetDateTime until = row.getOffsetDateTime("previous_secret_until");
            JsonObject headers = row.getJsonObject("custom_headers");
            JsonObject custom = headers == null ? null : headers.getJsonObject("headers");
            return new Claimed(row.getString("id"), row.getString("endpoint_id"), row.getString("subject"),
                    row.getString("event_type"),
                    row.getString("payload"), row.getString("request_id"), row.getInteger("attempts"),
                    new StoredTrace(row.getString("trace_parent"), row.getString("trace_state")), row.getString("url"),
                    encryption.open(endpointId, row.getString("secret")),
                    encryption.open(endpointId, row.getString("previous_secret")), until == null ? null : until.toInstant(),
                    custom == null ? null : custom.getMap(), row.getInteger("rate_limit_per_second"));
        }
    }
}
