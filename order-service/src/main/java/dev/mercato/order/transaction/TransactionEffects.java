package dev.mercato.order.transaction;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;

/**
 * What processing a transaction does to contracts and subscriptions, by order type, in the processor's
 * transaction. A failure that is the order's fault is an {@link OrderRejectedException}.
 */
@ApplicationScoped
public class TransactionEffects {

    public Uni<Void> apply(OrderTransaction transaction) {
        return Uni.createFrom().failure(new OrderRejectedException(
                transaction.orderType + " orders are not supported yet"));
    }
}
