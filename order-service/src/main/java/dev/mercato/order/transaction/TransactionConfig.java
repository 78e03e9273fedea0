package dev.mercato.order.transaction;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * Placing and processing transactions. Environment: {@code MERCATO_ORDERS_TRANSACTIONS_…}.
 *
 * <ul>
 * <li>{@code mercato.orders.transactions.processing-timeout} (PT5M): a transaction still PENDING or PROCESSING
 * this long after its last change becomes STUCK.</li>
 * <li>{@code mercato.orders.transactions.stuck-sweep-interval} (PT30S): how often that is checked.</li>
 * <li>{@code mercato.orders.transactions.direct-orders} (false): whether a tenant may place orders for itself.</li>
 * </ul>
 */
@ConfigMapping(prefix = "mercato.orders.transactions")
public interface TransactionConfig {

    @WithDefault("PT5M")
    Duration processingTimeout();

    @WithDefault("PT30S")
    Duration stuckSweepInterval();

    @WithDefault("false")
    boolean directOrders();
}
