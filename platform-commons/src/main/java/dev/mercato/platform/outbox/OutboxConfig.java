package dev.mercato.platform.outbox;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How the transactional outbox is relayed to Kafka. Environment: {@code MERCATO_OUTBOX_…}. */
@ConfigMapping(prefix = "mercato.outbox")
public interface OutboxConfig {

    /** Whether this instance relays the outbox (any number of instances may; one relays at a time). */
    @WithDefault("true")
    boolean enabled();

    /** Pause between two polls when the outbox was drained. */
    @WithDefault("PT0.1S")
    Duration pollInterval();

    /** Most events relayed in one database transaction. */
    @WithDefault("500")
    int batchSize();

    /** Longest pause after a failure (Kafka or database down); pauses double up to this. */
    @WithDefault("PT5S")
    Duration maxBackoff();

    /** How long relayed events are kept, for inspection, before they are deleted. */
    @WithDefault("PT24H")
    Duration retention();
}
