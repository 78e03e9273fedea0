package dev.mercato.order.opportunity;

import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import dev.mercato.order.subscription.Subscription;
import dev.mercato.order.subscription.SubscriptionChanges;
import dev.mercato.order.subscription.SubscriptionRepository;
import dev.mercato.platform.api.ApiException;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

/**
 * What a partial renewal leaves of an opportunity: the subscriptions not renewed stay open for renewal under
 * a new opportunity number (the same opportunity, renumbered), and take that number; the renewed ones keep
 * the old number as the one they were renewed under.
 */
@ApplicationScoped
public class PartialRenewals {

    private final OpportunityRepository opportunities;
    private final SubscriptionRepository subscriptions;
    private final OpportunityService service;
    private final SubscriptionChanges changes;
    private final Clock clock;

    public PartialRenewals(OpportunityRepository opportunities, SubscriptionRepository subscriptions,
            OpportunityService service, SubscriptionChanges changes, Clock clock) {
        this.clock = clock;
        this.opportunities = opportunities;
        this.subscriptions = subscriptions;
        this.service = service;
        this.changes = changes;
    }

    /**
     * Renumbers open opportunity {@code opportunityNumber} for the subscriptions it lists other than
     * {@code renewedSerials}; emits it with its new number and items. Call it in the renewal's transaction.
     */
    @WithTransaction
    public Uni<Opportunity> keepRemainderOpen(String opportunityNumber, Collection<String> renewedSerials) {
        Instant now = clock.instant();
        Set<String> renewed = Set.copyOf(renewedSerials);
        return opportunities.findByNumber(opportunityNumber).chain(opportunity -> {
            if (opportunity == null) {
                throw ApiException.notFound("opportunity", opportunityNumber);
            }
            if (opportunity.closedAt != null) {
                throw ApiException.conflict("opportunity " + opportunityNumber + " was closed at "
                        + opportunity.closedAt + "; nothing of it is left to renew");
            }
            return subscriptions.ofOpportunity(opportunityNumber).chain(listed -> opportunities.nextNumber()
                    .chain(number -> {
                        List<Subscription> remaining = listed.stream()
                                .filter(s -> !renewed.contains(s.serialNumber)).toList();
                        opportunity.opportunityNumber = number;
                        opportunity.lastUpdated = now;
                        remaining.forEach(subscription -> {
                            subscription.opportunityNumber = number;
                            subscription.lastUpdated = now;
                        });
                        // The opportunity is published renumbered first, so the subscriptions' own publication
                        // finds it in step and does not publish it again.
                        return opportunities.flush()
                                .chain(() -> service.refresh(number, now, true))
                                .chain(() -> changes.published(remaining))
                                .replaceWith(opportunity);
                    }));
        });
    }
}
