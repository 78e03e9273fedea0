package dev.mercato.order.contract;

import java.time.LocalDate;

import dev.mercato.order.subscription.ActivationType;
import dev.mercato.order.subscription.Deployment;
import dev.mercato.order.subscription.Prices;
import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * One subscription of a contract as the contract lists it (stored with the contract and shown as is).
 * {@code prices} are for one quantity, {@code totalPrices} for all of it.
 */
@RegisterForReflection // stored as JSON in contract.items
public record ContractItem(
        String serialNumber,
        String renewalSku,
        String description,
        Deployment deployment,
        LocalDate subscriptionEndDate,
        int quantity,
        int seats,
        int packSize,
        Prices prices,
        Prices totalPrices,
        ActivationType activationType) {
}
