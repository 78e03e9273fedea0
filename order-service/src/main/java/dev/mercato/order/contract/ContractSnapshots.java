package dev.mercato.order.contract;

import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import dev.mercato.order.subscription.Prices;
import dev.mercato.order.subscription.Subscription;
import dev.mercato.order.subscription.SubscriptionRepository;
import dev.mercato.platform.events.ContractChangedV1;
import dev.mercato.platform.events.Topics;
import dev.mercato.platform.outbox.Outbox;
import io.smallrye.mutiny.Uni;

/**
 * Keeps a contract's items and totals in step with its subscriptions and publishes the contract when it
 * changed. Runs inside the transaction that changed the subscriptions.
 */
@ApplicationScoped
public class ContractSnapshots {

    private final ContractRepository contracts;
    private final SubscriptionRepository subscriptions;
    private final ContractMapper mapper;
    private final Outbox outbox;

    public ContractSnapshots(ContractRepository contracts, SubscriptionRepository subscriptions, ContractMapper mapper,
            Outbox outbox) {
        this.contracts = contracts;
        this.subscriptions = subscriptions;
        this.mapper = mapper;
        this.outbox = outbox;
    }

    /**
     * Recomputes the items of contract {@code contractId} from its subscriptions (retired ones leave the
     * list) and publishes it if they changed or if {@code changed} says the contract itself did.
     */
    public Uni<Contract> refresh(String contractId, boolean changed, Instant now) {
        return contracts.findById(contractId).chain(contract -> subscriptions.ofContract(contractId)
                .chain(all -> {
                    List<ContractItem> items = all.stream().filter(s -> s.retiredAt == null)
                            .map(ContractSnapshots::itemOf).toList();
                    Prices totals = items.stream().map(ContractItem::totalPrices).reduce(Prices.NONE, Prices::plus);
                    int quantity = items.stream().mapToInt(ContractItem::quantity).sum();
                    int seats = items.stream().mapToInt(ContractItem::seats).sum();
                    boolean itemsChanged = !items.equals(contract.items()) || !totals.equals(contract.prices)
                            || quantity != contract.totalQuantity || seats != contract.totalSeats;
                    if (!itemsChanged && !changed) {
                        return Uni.createFrom().item(contract);
                    }
                    contract.itemSet = new Contract.Items(items);
                    contract.prices = totals;
                    contract.totalQuantity = quantity;
                    contract.totalSeats = seats;
                    contract.lastUpdated = now;
                    return publish(contract);
                }));
    }

    /** Writes the contract's pending changes and publishes its snapshot. */
    public Uni<Contract> publish(Contract contract) {
        return contracts.flush().chain(() -> outbox.publish(Topics.ORDERS_CONTRACTS, contract.id,
                ContractChangedV1.CHANGED, mapper.toEvent(contract))).replaceWith(contract);
    }

    private static ContractItem itemOf(Subscription subscription) {
        return new ContractItem(subscription.serialNumber, subscription.renewalSku, subscription.description,
                subscription.deployment, subscription.endDate, subscription.quantity, subscription.seats,
                subscription.packSize, subscription.prices, subscription.prices.times(subscription.quantity),
                subscription.activationType);
    }
}
