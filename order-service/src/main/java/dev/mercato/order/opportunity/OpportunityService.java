package dev.mercato.order.opportunity;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import dev.mercato.order.contract.Contract;
import dev.mercato.order.subscription.Prices;
import dev.mercato.order.subscription.Subscription;
import dev.mercato.order.subscription.SubscriptionRepository;
import dev.mercato.platform.api.ApiException;
import dev.mercato.platform.events.OpportunityChangedV1;
import dev.mercato.platform.events.Topics;
import dev.mercato.platform.id.Ids;
import dev.mercato.platform.outbox.Outbox;
import dev.mercato.platform.security.Caller;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

/**
 * Renewal opportunities: opened for a contract and end date (by the opportunity sweep), kept listing the
 * subscriptions that carry their number while open, their sales status changed by the channel, closed by a
 * renewal. Every change is published whole on {@code orders.opportunities}.
 */
@ApplicationScoped
public class OpportunityService {

    private final OpportunityRepository opportunities;
    private final SubscriptionRepository subscriptions;
    private final OpportunityMapper mapper;
    private final Outbox outbox;
    private final Clock clock;

    public OpportunityService(OpportunityRepository opportunities, SubscriptionRepository subscriptions,
            OpportunityMapper mapper, Outbox outbox, Clock clock) {
        this.clock = clock;
        this.opportunities = opportunities;
        this.subscriptions = subscriptions;
        this.mapper = mapper;
        this.outbox = outbox;
    }

    /**
     * Opens the opportunity to renew {@code ending}, the subscriptions of {@code contract} that end on
     * {@code endDate}, under a new number, and publishes it. The caller gives the subscriptions its number.
     */
    public Uni<Opportunity> open(Contract contract, LocalDate endDate, List<Subscription> ending, Instant now) {
        return opportunities.nextNumber().chain(number -> {
            Opportunity opportunity = new Opportunity();
            opportunity.id = Ids.next("opp");
            opportunity.opportunityNumber = number;
            opportunity.contractId = contract.id;
            opportunity.contractNumber = contract.contractNumber;
            opportunity.contractRenewalCounter = contract.contractRenewalCounter;
            opportunity.contractTerm = contract.contractTerm;
            opportunity.contractType = contract.contractType;
            opportunity.customer = contract.customer.copy();
            opportunity.channel = contract.channel.copy();
            opportunity.contact = contract.contractManager == null ? null : contract.contractManager.copy();
            opportunity.salesStatus = SalesStatus.NOT_CONTACTED;
            opportunity.subscriptionEndDate = endDate;
            list(opportunity, ending);
            opportunity.createdAt = now;
            opportunity.lastUpdated = now;
            return opportunities.persist(opportunity).chain(this::publish);
        });
    }

    /** Brings open opportunity {@code opportunityNumber}'s items in step with its subscriptions; publishes a change. */
    public Uni<Void> refresh(String opportunityNumber, Instant now) {
        return refresh(opportunityNumber, now, false);
    }

    /** As {@link #refresh(String, Instant)}, publishing it also when {@code changed} says it changed otherwise. */
    Uni<Void> refresh(String opportunityNumber, Instant now, boolean changed) {
        return opportunities.findByNumber(opportunityNumber).chain(opportunity -> {
            if (opportunity == null || opportunity.closedAt != null) {
                return Uni.createFrom().voidItem(); // a closed opportunity keeps what it renewed
            }
            return subscriptions.ofOpportunity(opportunityNumber).chain(listed -> {
                if (!list(opportunity, listed) && !changed) {
                    return Uni.createFrom().voidItem();
                }
                opportunity.lastUpdated = now;
                return publish(opportunity).replaceWithVoid();
            });
        });
    }

    /** The opportunity (by id or current number) if the caller may see it; 404 otherwise. Needs a session. */
    public Uni<Opportunity> visible(String idOrNumber, Caller caller) {
        return opportunities.findVisible(idOrNumber, caller.visibility("customer.path"))
                .onItem().ifNull().failWith(() -> ApiException.notFound("opportunity", idOrNumber));
    }

    /** Sets the sales status, as the channel works the renewal; {@code version}, when given, must be current. */
    @WithTransaction
    public Uni<Opportunity> changeSalesStatus(String idOrNumber, UpdateOpportunityRequest request, Caller caller) {
        caller.requireWriter();
        return visible(idOrNumber, caller).chain(opportunity -> {
            if (request.version() != null && request.version() != opportunity.version) {
                throw ApiException.conflict("opportunity " + idOrNumber + " changed since version " + request.version()
                        + "; read it again");
            }
            if (opportunity.salesStatus == request.salesStatus()) {
                return Uni.createFrom().item(opportunity);
            }
            opportunity.salesStatus = request.salesStatus();
            opportunity.lastUpdated = clock.instant();
            return publish(opportunity);
        });
    }

    /** Closes open opportunity {@code opportunityNumber} with {@code salesStatus}: a renewal consumed it. */
    @WithTransaction
    public Uni<Opportunity> close(String opportunityNumber, SalesStatus salesStatus) {
        return opportunities.findByNumber(opportunityNumber).chain(opportunity -> {
            if (opportunity == null) {
                throw ApiException.notFound("opportunity", opportunityNumber);
            }
            if (opportunity.closedAt != null) {
                throw ApiException.conflict("opportunity " + opportunityNumber + " was closed at "
                        + opportunity.closedAt + "; it cannot be renewed again");
            }
            Instant now = clock.instant();
            opportunity.salesStatus = salesStatus;
            opportunity.closedAt = now;
            opportunity.lastUpdated = now;
            return publish(opportunity);
        });
    }

    private Uni<Opportunity> publish(Opportunity opportunity) {
        return opportunities.flush().chain(() -> outbox.publish(Topics.ORDERS_OPPORTUNITIES, opportunity.id,
                OpportunityChangedV1.CHANGED, mapper.toEvent(opportunity))).replaceWith(opportunity);
    }

    /** Lists {@code listed} as the opportunity's items and totals; whether anything changed. */
    private static boolean list(Opportunity opportunity, List<Subscription> listed) {
        List<OpportunityItem> items = listed.stream().map(OpportunityService::itemOf).toList();
        Prices totals = items.stream().map(OpportunityItem::totalPrices).reduce(Prices.NONE, Prices::plus);
        int quantity = items.stream().mapToInt(OpportunityItem::quantity).sum();
        int seats = items.stream().mapToInt(OpportunityItem::seats).sum();
        if (opportunity.itemSet != null && items.equals(opportunity.items()) && totals.equals(opportunity.prices)
                && quantity == opportunity.totalQuantity && seats == opportunity.totalSeats) {
            return false;
        }
        opportunity.itemSet = new Opportunity.Items(items);
        opportunity.prices = totals;
        opportunity.totalQuantity = quantity;
        opportunity.totalSeats = seats;
        return true;
    }

    private static OpportunityItem itemOf(Subscription subscription) {
        return new OpportunityItem(subscription.serialNumber, subscription.deployment, subscription.renewalSku,
                subscription.description, subscription.quantity, subscription.seats, subscription.packSize,
                subscription.prices, subscription.prices.times(subscription.quantity));
    }
}
