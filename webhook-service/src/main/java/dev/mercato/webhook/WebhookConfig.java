package dev.mercato.webhook;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Webhook delivery settings. Environment: {@code MERCATO_WEBHOOKS_…}; webhook-service/README.md "Configuration". */
@ConfigMapping(prefix = "mercato.webhooks")
public interface WebhookConfig {

    /**
     * Hosts (exact, lower-case; IPv6 without brackets) an endpoint may reach over plain http and whatever
     * address they resolve to: a development allow-list (loopback for {@code ./mercato} and tests). Empty in
     * production: https only, public addresses only.
     */
    Optional<List<String>> allowHttpHosts();

    /** Delay before each attempt: the first entry for the first attempt, and so on; after the last, the message fails. */
    @WithDefault("PT0S,PT5S,PT5M,PT30M,PT2H,PT5H,PT10H,PT10H")
    List<Duration> retrySchedule();

    /** Each retry delay varies by up to this fraction either way, so failed messages do not return in step. */
    @WithDefault("0.2")
    double retryJitter();

    /** The longest {@code Retry-After} (429, 503) honoured; a longer one is cut to this. */
    @WithDefault("PT1H")
    Duration maxRetryAfter();

    @WithDefault("PT5S")
    Duration connectTimeout();

    /** Total time for one attempt: connecting, sending, and reading the answer. */
    @WithDefault("PT15S")
    Duration requestTimeout();

    /** How long a claimed message is held by the instance sending it; a crashed instance's claims come back after it. */
    @WithDefault("PT1M")
    Duration lease();

    /** How often the engine looks for due messages when nothing wakes it earlier. */
    @WithDefault("PT0.25S")
    Duration pollInterval();

    /**
     * The longest the claim of due messages (and the hold-back of a failed subject's later messages) may run before
     * PostgreSQL cancels it; zero for no limit. With a good plan it takes milliseconds; a plan made from misleading
     * statistics took minutes, during which the instance sent nothing (docs/BENCHMARKS.md, "A backlog that stalled the
     * engine"). A cancelled claim refreshes the statistics and the next round claims again.
     */
    @WithDefault("PT2S")
    Duration claimTimeout();

    /**
     * After a claim timed out, {@code webhook_message}'s statistics are refreshed ({@code analyze}) at most once per
     * this, so a database that is merely overloaded is not analysed in a loop.
     */
    @WithDefault("PT10M")
    Duration claimAnalyzeInterval();

    /** Messages claimed per round. */
    @WithDefault("200")
    int batchSize();

    /** Attempts in flight per instance. */
    @WithDefault("512")
    int maxInFlight();

    /**
     * Attempts in flight per endpoint and instance, so a slow receiver cannot take every slot. An endpoint receives
     * at most this many messages per receiver round trip: at 1,000 events a second and answers taking 30 ms under
     * load, 32 left no room for a burst (docs/BENCHMARKS.md, "One endpoint at 1,000 events a second").
     */
    @WithDefault("64")
    int maxInFlightPerEndpoint();

    /** Consecutive failed attempts that open an endpoint's circuit. */
    @WithDefault("5")
    int circuitBreakerThreshold();

    /** How long an open circuit holds an endpoint's messages back before one is tried again. */
    @WithDefault("PT1M")
    Duration circuitBreakerOpen();

    /** An endpoint failing without a success for this long is disabled and its owner told (endpoint.disabled). */
    @WithDefault("P5D")
    Duration disableAfter();

    /**
     * AES-256 key (base64 of 32 random bytes) under which endpoint secrets are stored; required in prod, a fixed
     * development value elsewhere. Changing it makes the stored secrets unreadable.
     */
    Optional<String> secretEncryptionKey();

    /** How long the previous secret keeps signing after a rotation, unless the request names another overlap. */
    @WithDefault("PT24H")
    Duration secretOverlap();

    /** Delivered and failed messages, with their attempts, are deleted this long after they were created. */
    @WithDefault("P30D")
    Duration retention();

    @WithDefault("PT1H")
    Duration pruneInterval();

    /**
     * How often events waiting in {@code webhook_parked_event} are looked at when nothing wakes them earlier (an
     * organization arriving does): the fallback after a crash between an organization's arrival and their release.
     */
    @WithDefault("PT10S")
    Duration parkedSweepInterval();

    /** Whether the delivery engine runs in this instance. */
    @WithDefault("true")
    boolean engineEnabled();
}
