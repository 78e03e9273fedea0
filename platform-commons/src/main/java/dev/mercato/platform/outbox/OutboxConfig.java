package dev.mercato.platform.outbox;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * How the transactional outbox is relayed to Kafka. Environment: {@code MERCATO_OUTBOX_…}.
 *
 * <ul>
 * <li>{@code mercato.outbox.enabled} (true): whether this instance relays at all.</li>
 * <li>{@code mercato.outbox.fallback-poll} (PT5S): a relay round this often even without a notification.</li>
 * <li>{@code mercato.outbox.batch-size} (1000): rows read, sent and deleted (or marked failed) per round.</li>
 * <li>{@code mercato.outbox.min-backoff} (PT0.1S) and {@code max-backoff} (PT5S): pauses after a transient failure.</li>
 * <li>{@code mercato.outbox.linger} (PT0.002S): how long Kafka's producer waits to fill a request.</li>
 * </ul>
 */
@ConfigMapping(prefix = "mercato.outbox")
public interface OutboxConfig {

    /** Whether this instance relays the outbox (any number of instances may; one relays at a time). */
    @WithDefault("true")
    boolean enabled();

    /**
     * A relay round runs this often even when no notification came ({@code LISTEN} connection down,
     * a notification lost, a row re-queued by hand). Normally a round starts on the commit's
     * {@code NOTIFY}, so this is only the worst-case delay.
     */
    @WithDefault("PT5S")
    Duration fallbackPoll();

    /** Most events relayed in one database transaction; a full batch is followed by another round at once. */
    @WithDefault("1000")
    int batchSize();

    /** First pause after a transient failure (Kafka or the database down); pauses double from here. */
    @WithDefault("PT0.1S")
    Duration minBackoff();

    /** Longest pause after a transient failure. */
    @WithDefault("PT5S")
    Duration maxBackoff();

    /** Kafka producer {@code linger.ms}: a little waiting fills requests under load and costs that much latency. */
    @WithDefault("PT0.002S")
    Duration linger();
}
