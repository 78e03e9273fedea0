package dev.mercato.order.transaction;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import dev.mercato.order.contract.ContractMapper;
import dev.mercato.order.contract.ContractRepository;
import dev.mercato.order.subscription.SubscriptionMapper;
import dev.mercato.order.subscription.SubscriptionRepository;
import dev.mercato.platform.security.Caller;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/**
 * Dry runs of orders ({@code ?dryRun=true}): an order is validated and priced as a placement is, then its effect
 * is applied, exactly as processing would apply it, inside a database transaction marked for rollback. The answer
 * shows the contract and subscriptions as processing would leave them; nothing is stored or published (the
 * outbox rows roll back with the rest).
 */
@ApplicationScoped
public class DryRuns {

    private final TransactionService service;
    private final TransactionEffects effects;
    private final TransactionMapper transactionMapper;
    private final ContractRepository contracts;
    private final SubscriptionRepository subscriptions;
    private final ContractMapper contractMapper;
    private final SubscriptionMapper subscriptionMapper;

    public DryRuns(TransactionService service, TransactionEffects effects, TransactionMapper transactionMapper,
            ContractRepository contracts, SubscriptionRepository subscriptions, ContractMapper contractMapper,
            SubscriptionMapper subscriptionMapper) {
        this.service = service;
        this.effects = effects;
        this.transactionMapper = transactionMapper;
        this.contracts = contracts;
        this.subscriptions = subscriptions;
        this.contractMapper = contractMapper;
        this.subscriptionMapper = subscriptionMapper;
    }

    public Uni<DryRunResponse> run(OrderType type, PlaceOrderRequest request, Caller caller) {
        return Panache.withTransaction(() -> Panache.currentTransaction()
                .invoke(transaction -> transaction.markForRollback())
                .chain(() -> service.place(type, request, true, caller))
                .chain(placed -> {
                    TransactionResponse asPlaced = transactionMapper.toResponse(placed);
                    return effects.apply(placed)
                            .chain(() -> processed(asPlaced, placed.contractNumber))
                            .onFailure(OrderRejectedException.class).recoverWithItem(rejection ->
                                    new DryRunResponse(asPlaced, TransactionStatus.REJECTED.name(), rejection.getMessage(),
                                            null, List.of()));
                }));
    }

    private Uni<DryRunResponse> processed(TransactionResponse asPlaced, String contractNumber) {
        return contracts.findByNumber(contractNumber).chain(contract -> subscriptions.ofContract(contract.id)
                .map(all -> new DryRunResponse(asPlaced, TransactionStatus.PROCESSED.name(), null,
                        contractMapper.toResponse(contract), all.stream().map(subscriptionMapper::toResponse).toList())));
    }
}
