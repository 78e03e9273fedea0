package dev.mercato.order.opportunity;

import dev.mercato.order.subscription.Deployment;
import dev.mercato.order.subscription.Prices;
import io.quarkus.runtime.annotations.RegisterForReflection;

/** A subscription an opportunity would renew, as the opportunity lists it (stored with it). */
@RegisterForReflection // stored as JSON in opportunity.items
public record OpportunityItem(
        String serialNumber,
        Deployment deployment,
        String renewalSku,
        String description,
        int quantity,
        int seats,
        int packSize,
        Prices prices,
        Prices totalPrices) {
}
