package dev.mercato.order.subscription;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import dev.mercato.order.Rows;
import dev.mercato.order.account.CustomerRef;
import dev.mercato.order.contract.ContractSnapshots;
import dev.mercato.order.entitlement.EntitlementService;
import dev.mercato.order.opportunity.OpportunityService;
import dev.mercato.order.team.TeamService;
import dev.mercato.platform.events.SubscriptionChangedV1;
import dev.mercato.platform.events.Topics;
import dev.mercato.platform.outbox.Outbox;
import io.smallrye.mutiny.Uni;

/**
 * What follows from a change to subscriptions, in the transaction that made it: each gets the status its
 * dates give it today and is published; then its contract's items, the open opportunity listing it, its
 * entitlement and its team are brought in step, each published only when it changed.
 */
@ApplicationScoped
public class SubscriptionChanges {

    private final SubscriptionRepository subscriptions;
    private final SubscriptionMapper mapper;
    private final ContractSnapshots contracts;
    private final OpportunityService opportunities;
    private final EntitlementService entitlements;
    private final TeamService teams;
    private final Outbox outbox;
    private final Clock clock;

    public SubscriptionChanges(SubscriptionRepository subscriptions, SubscriptionMapper mapper,
            ContractSnapshots contracts, OpportunityService opportunities, EntitlementService entitlements,
            TeamService teams, Outbox outbox, Clock clock) {
        this.clock = clock;
        this.subscriptions = subscriptions;
        this.mapper = mapper;
        this.contracts = contracts;
        this.opportunities = opportunities;
        this.entitlements = entitlements;
        this.teams = teams;
        this.outbox = outbox;
    }

    /** After {@code changed} were created or changed (their {@code lastUpdated} set by the caller). */
    public Uni<Void> published(List<Subscription> changed) {
        return published(changed, Set.of(), Map.of());
    }

    /**
     * As {@link #published(List)}; also publishes the contracts in {@code changedContracts} (ids) whose own
     * fields changed, and recomputes the entitlements in {@code formerProducts} (product key → customer) that
     * a subscription left.
     */
    public Uni<Void> published(List<Subscription> changed, Set<String> changedContracts,
            Map<String, CustomerRef> formerProducts) {
        LocalDate today = LocalDate.now(clock);
        Instant now = clock.instant();
        changed.forEach(subscription -> subscription.status = subscription.statusOn(today));
        Set<String> contractIds = new LinkedHashSet<>(changedContracts);
        Set<String> opportunityNumbers = new LinkedHashSet<>();
        Map<String, CustomerRef> products = new LinkedHashMap<>();
        Set<String> teamIds = new LinkedHashSet<>();
        for (Subscription subscription : changed) {
            contractIds.add(subscription.contractId);
            if (subscription.opportunityNumber != null) {
                opportunityNumbers.add(subscription.opportunityNumber);
            }
            products.put(subscription.customer.id + " " + subscription.productKey(), subscription.customer);
            if (subscription.teamId != null) {
                teamIds.add(subscription.teamId);
            }
        }
        formerProducts.forEach((key, customer) -> products.put(customer.id + " " + key, customer));
        return subscriptions.flush()
                .chain(() -> Rows.each(changed, subscription -> outbox.publish(Topics.ORDERS_SUBSCRIPTIONS,
                        subscription.id, SubscriptionChangedV1.CHANGED, mapper.toEvent(subscription))))
                .chain(() -> Rows.each(contractIds, id -> contracts.refresh(id, changedContracts.contains(id), now)))
                .chain(() -> Rows.each(opportunityNumbers, number -> opportunities.refresh(number, now)))
                .chain(() -> Rows.each(products.entrySet(), product -> entitlements.recompute(product.getValue(),
                        product.getKey().substring(product.getKey().indexOf(' ') + 1), now)))
                .chain(() -> Rows.each(teamIds, id -> teams.recount(id, now)));
    }
}
