package dev.mercato.order.sweep;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * How often order-service looks at the calendar. Environment: {@code MERCATO_ORDERS_…}.
 *
 * <ul>
 * <li>{@code mercato.orders.sweep-interval} (PT1M): how often subscription statuses are brought up to date,
 * renewal opportunities created and {@code contract.expiring} notices sent.</li>
 * </ul>
 */
@ConfigMapping(prefix = "mercato.orders")
public interface SweepConfig {

    /** A date's consequences are visible at most this long after midnight UTC. */
    @WithDefault("PT1M")
    Duration sweepInterval();
}
