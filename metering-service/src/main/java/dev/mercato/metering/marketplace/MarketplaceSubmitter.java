package dev.mercato.metering.marketplace;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import dev.mercato.platform.scheduling.PeriodicRounds;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Sends the claimed hours whose turn has come. A round claims due rows ({@code for update skip locked}, held for
 * the lease, so two instances never send the same row at once), expires those past their marketplace's window
 * without a call, sends the rest in batches of the marketplace's size (AWS: per product), and records each
 * record's outcome. Throttled, unprocessed or failed records wait a backoff that doubles with every attempt;
 * a claim whose answer was lost (a crash) is sent again after its lease, and the marketplace calls it a duplicate.
 */
@ApplicationScoped
public class MarketplaceSubmitter {

    private static final Logger LOG = Logger.getLogger(MarketplaceSubmitter.class);
    /** Claims per round: 4 calls of 25 at most, well within the lease even when every call times out. */
    private static final int ROUND = 100;

    private static final String CLAIM = """
            update marketplace_submission s set status = 'SUBMITTING', claimed_until = now() + make_interval(secs => $1),
                attempts = s.attempts + 1, updated_at = now()
            where s.id in (select id from marketplace_submission
                           where (status = 'PENDING' and next_attempt_at <= now())
                              or (status = 'SUBMITTING' and claimed_until < now())
                           order by hour_start, id limit $2 for update skip locked)
            returning s.id, s.marketplace, s.product_code, s.account_kind, s.account_id, s.plan_id, s.dimension,
                s.hour_start, s.quantity, s.attempts""";

    private static final String FINISH = """
            update marketplace_submission s set status = o.status, reason = o.reason, marketplace_record_id = o.record_id,
                submitted_quantity = o.sent::numeric, submitted_at = now(), claimed_until = null, updated_at = now()
            from unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[]) as o(id, status, reason, record_id, sent)
            where s.id = o.id and s.status = 'SUBMITTING'""";

    private static final String RETRY = """
            update marketplace_submission s set status = 'PENDING', reason = o.reason, claimed_until = null,
                next_attempt_at = now() + make_interval(secs => o.delay), updated_at = now()
            from unnest($1::text[], $2::text[], $3::float8[]) as o(id, reason, delay)
            where s.id = o.id and s.status = 'SUBMITTING'""";

    private final Pool pool;
    private final PeriodicRounds rounds;
    private final MarketplaceConfig config;
    private final Map<String, MarketplaceAdapter> adapters = new LinkedHashMap<>();
    private final MeterRegistry registry;

    public MarketplaceSubmitter(Pool pool, PeriodicRounds rounds, MarketplaceConfig config, AwsMeteringAdapter aws,
            AzureMeteringAdapter azure, MeterRegistry registry) {
        this.pool = pool;
        this.rounds = rounds;
        this.config = config;
        this.registry = registry;
        adapters.put(aws.marketplace(), aws);
        adapters.put(azure.marketplace(), azure);
    }

    void schedule(@Observes StartupEvent event) {
        if (!config.enabled()) {
            return;
        }
        rounds.tick(config.submitEvery(), () -> submitDue().subscribe().with(
                sent -> {
                    if (sent > 0) {
                        LOG.debugf("sent %d marketplace usage records", sent);
                    }
                },
                failure -> LOG.warnf("could not submit marketplace usage (will retry): %s", failure.toString())));
    }

    /** One round: claims what is due, sends it and records the outcomes; emits how many claims it handled. */
    public Uni<Integer> submitDue() {
        return pool.withTransaction(connection -> connection.preparedQuery(CLAIM)
                        .execute(Tuple.of((double) config.lease().toSeconds(), ROUND)))
                .map(rows -> {
                    List<Claimed> claimed = new ArrayList<>();
                    for (Row row : rows) {
                        claimed.add(Claimed.of(row));
                    }
                    return claimed;
                })
                .chain(claimed -> claimed.isEmpty() ? Uni.createFrom().item(0)
                        : send(claimed).replaceWith(claimed.size()));
    }

    private Uni<Void> send(List<Claimed> claimed) {
        Instant now = Instant.now();
        List<SubmissionOutcome> settled = new ArrayList<>();
        Map<String, List<Claimed>> batches = new LinkedHashMap<>();
        for (Claimed claim : claimed) {
            MarketplaceAdapter adapter = adapters.get(claim.submission.marketplace());
            Duration window = "aws".equals(adapter.marketplace()) ? config.aws().window() : config.azure().window();
            if (!claim.submission.hourStart().plus(window).isAfter(now)) {
                settled.add(new SubmissionOutcome(claim.submission.id(), SubmissionOutcome.EXPIRED,
                        adapter.configured() ? "TOO_OLD" : "NOT_CONFIGURED", null));
            } else if (adapter.configured()) {
                batches.computeIfAbsent(adapter.marketplace() + "\n" + claim.submission.productCode(), k -> new ArrayList<>())
                        .add(claim);
            } else {
                settled.add(SubmissionOutcome.retry(claim.submission, "NOT_CONFIGURED"));
            }
        }
        List<List<Claimed>> calls = new ArrayList<>();
        batches.values().forEach(group -> {
            int size = adapters.get(group.get(0).submission.marketplace()).maxBatch();
            for (int from = 0; from < group.size(); from += size) {
                calls.add(group.subList(from, Math.min(group.size(), from + size)));
            }
        });
        Map<String, Claimed> byId = new LinkedHashMap<>();
        claimed.forEach(claim -> byId.put(claim.submission.id(), claim));
        return Multi.createFrom().iterable(calls)
                .onItem().transformToUniAndConcatenate(call -> adapters.get(call.get(0).submission.marketplace())
                        .submit(call.stream().map(Claimed::submission).toList()))
                .collect().in(() -> settled, List::addAll)
                .chain(outcomes -> record(outcomes, byId));
    }

    private Uni<Void> record(List<SubmissionOutcome> outcomes, Map<String, Claimed> byId) {
        List<String> finishedIds = new ArrayList<>(), retryIds = new ArrayList<>();
        List<String> statuses = new ArrayList<>(), reasons = new ArrayList<>(), recordIds = new ArrayList<>(),
                sent = new ArrayList<>(), retryReasons = new ArrayList<>();
        List<Double> delays = new ArrayList<>();
        for (SubmissionOutcome outcome : outcomes) {
            Claimed claim = byId.get(outcome.submissionId());
            registry.counter("mercato.metering.marketplace.records", "marketplace", claim.submission.marketplace(),
                    "outcome", outcome.status()).increment();
            if (SubmissionOutcome.RETRY.equals(outcome.status())) {
                retryIds.add(outcome.submissionId());
                retryReasons.add(outcome.reason());
                delays.add((double) backoff(claim.attempts).toMillis() / 1000);
            } else {
                finishedIds.add(outcome.submissionId());
                statuses.add(outcome.status());
                reasons.add(outcome.reason());
                recordIds.add(outcome.recordId());
                sent.add("TOO_OLD".equals(outcome.reason()) || "NOT_CONFIGURED".equals(outcome.reason()) ? null
                        : sentQuantity(claim.submission).toPlainString());
            }
        }
        return pool.withTransaction(connection -> connection.preparedQuery(FINISH)
                .execute(Tuple.of(finishedIds.toArray(String[]::new), statuses.toArray(String[]::new),
                        reasons.toArray(String[]::new), recordIds.toArray(String[]::new), sent.toArray(String[]::new)))
                .chain(() -> connection.preparedQuery(RETRY).execute(Tuple.of(retryIds.toArray(String[]::new),
                        retryReasons.toArray(String[]::new), delays.toArray(Double[]::new)))))
                .replaceWithVoid();
    }

    private static BigDecimal sentQuantity(Submission submission) {
        return "aws".equals(submission.marketplace()) ? AwsMeteringAdapter.wholeUnits(submission.quantity())
                : submission.quantity();
    }

    /** The delay before attempt {@code attempts + 1}: the first delay, doubled per attempt, at most the maximum. */
    Duration backoff(int attempts) {
        Duration delay = config.retryFirst().multipliedBy(1L << Math.min(20, Math.max(0, attempts - 1)));
        return delay.compareTo(config.retryMax()) > 0 ? config.retryMax() : delay;
    }

    /** A claimed row: what to send, and how many attempts it has had (this one included). */
    private record Claimed(Submission submission, int attempts) {

        static Claimed of(Row row) {
            return new Claimed(new Submission(row.getString("id"), row.getString("marketplace"), row.getString("product_code"),
                    row.getString("account_kind"), row.getString("account_id"), row.getString("plan_id"),
                    row.getString("dimension"), row.getOffsetDateTime("hour_start").withOffsetSameInstant(ZoneOffset.UTC)
                            .toInstant(), row.getBigDecimal("quantity")), row.getInteger("attempts"));
        }
    }
}
