package dev.mercato.order.contract;

import java.util.List;

import dev.mercato.order.subscription.Subscription;

/** A contract just made and its subscriptions, in the order their items were given. */
public record ContractCreated(Contract contract, List<Subscription> subscriptions) {
}
