package dev.mercato.platform.messaging;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * How long the idempotent consumer remembers event ids. Environment: {@code MERCATO_INBOX_…}.
 *
 * <ul>
 * <li>{@code mercato.inbox.retention} (P7D): {@code processed_event} rows older than this are deleted.</li>
 * <li>{@code mercato.inbox.prune-every} (PT1H): how often they are deleted.</li>
 * </ul>
 */
@ConfigMapping(prefix = "mercato.inbox")
public interface InboxConfig {

    /**
     * How long an applied event id is remembered. Must exceed any redelivery window: a relay that
     * resends after a crash does so within seconds, a consumer group re-reading a partition from its
     * last commit within minutes. A read model rebuilt from the beginning of a topic clears its rows
     * first, and snapshot events carry a version that keeps old ones from winning.
     */
    @WithDefault("P7D")
    Duration retention();

    /** How often expired rows are deleted. */
    @WithDefault("PT1H")
    Duration pruneEvery();
}
