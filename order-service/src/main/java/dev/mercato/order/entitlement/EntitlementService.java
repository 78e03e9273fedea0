package dev.mercato.order.entitlement;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

import jakarta.enterprise.context.ApplicationScoped;

import dev.mercato.order.account.CustomerRef;
import dev.mercato.order.subscription.SubscriptionRepository;
import dev.mercato.order.subscription.SubscriptionRepository.ProductTotals;
import dev.mercato.order.subscription.SubscriptionStatus;
import dev.mercato.platform.events.EntitlementChangedV1;
import dev.mercato.platform.events.Topics;
import dev.mercato.platform.id.Ids;
import dev.mercato.platform.outbox.Outbox;
import io.smallrye.mutiny.Uni;

/**
 * Derives a customer's entitlement to one product from its subscriptions of it: seats of the active ones,
 * the dates and dimensions of those still in force, the status of the best of them. Publishes it only when
 * the result differs from what was there.
 */
@ApplicationScoped
public class EntitlementService {

    private final EntitlementRepository entitlements;
    private final SubscriptionRepository subscriptions;
    private final EntitlementMapper mapper;
    private final Outbox outbox;

    public EntitlementService(EntitlementRepository entitlements, SubscriptionRepository subscriptions,
            EntitlementMapper mapper, Outbox outbox) {
        this.entitlements = entitlements;
        this.subscriptions = subscriptions;
        this.mapper = mapper;
        this.outbox = outbox;
    }

    /** Recomputes {@code customer}'s entitlement to {@code productKey}; subscriptions' statuses must be current. */
    public Uni<Void> recompute(CustomerRef customer, String productKey, Instant now) {
        return subscriptions.productTotals(customer.id, productKey)
                .chain(totals -> entitlements.findByCustomerAndProduct(customer.id, productKey)
                        .chain(existing -> apply(customer, productKey, totals, existing, now)));
    }

    private Uni<Void> apply(CustomerRef customer, String productKey, ProductTotals totals, Entitlement existing,
            Instant now) {
        if (totals == null && existing == null) {
            return Uni.createFrom().voidItem();
        }
        Terms terms = totals == null ? existingEnded(existing) : Terms.of(totals);
        if (existing != null && terms.equals(Terms.of(existing))) {
            return Uni.createFrom().voidItem();
        }
        Entitlement entitlement = existing;
        if (entitlement == null) {
            entitlement = new Entitlement();
            entitlement.id = Ids.next("ent");
            entitlement.customer = customer.copy();
            entitlement.productKey = productKey;
            entitlement.createdAt = now;
        }
        terms.applyTo(entitlement);
        entitlement.lastUpdated = now;
        Entitlement saved = entitlement;
        Uni<?> write = existing == null ? entitlements.persist(saved) : Uni.createFrom().voidItem();
        return write.chain(entitlements::flush)
                .chain(() -> outbox.publish(Topics.ORDERS_ENTITLEMENTS, saved.id, EntitlementChangedV1.CHANGED,
                        mapper.toEvent(saved)))
                .replaceWithVoid();
    }

    /** What is left when no subscription of the product remains (all switched away): nothing usable. */
    private static Terms existingEnded(Entitlement existing) {
        return new Terms(existing.listingId, existing.sku, existing.description, List.of(), 0, existing.startDate,
                existing.endDate, SubscriptionStatus.EXPIRED, List.of());
    }

    /** Everything derived from the subscriptions, compared as a whole to decide whether anything changed. */
    record Terms(String listingId, String sku, String description, List<String> dimensions, int seats,
            LocalDate startDate, LocalDate endDate, SubscriptionStatus status, List<String> subscriptions) {

        /**
         * From the subscriptions' totals: what the ones in force (else all) name, their dates and dimensions;
         * the seats of the active ones; ACTIVE if any is, else INACTIVE while any is in force, else EXPIRED.
         */
        static Terms of(ProductTotals totals) {
            SubscriptionStatus status = totals.anyActive() ? SubscriptionStatus.ACTIVE
                    : totals.anyInForce() ? SubscriptionStatus.INACTIVE : SubscriptionStatus.EXPIRED;
            return new Terms(totals.listingId(), totals.listingId() == null ? totals.renewalSku() : null,
                    totals.description(), totals.dimensions(), totals.activeSeats(), totals.startDate(),
                    totals.endDate(), status, totals.serials());
        }

        static Terms of(Entitlement entitlement) {
            return new Terms(entitlement.listingId, entitlement.sku, entitlement.description,
                    entitlement.dimensionSet.keys(), entitlement.seats, entitlement.startDate, entitlement.endDate,
                    entitlement.status, entitlement.subscriptionSet.keys());
        }

        void applyTo(Entitlement entitlement) {
            entitlement.listingId = listingId;
            entitlement.sku = sku;
            entitlement.description = description;
            entitlement.dimensionSet = new Entitlement.Keys(dimensions);
            entitlement.seats = seats;
            entitlement.startDate = Objects.requireNonNull(startDate);
            entitlement.endDate = Objects.requireNonNull(endDate);
            entitlement.status = status;
            entitlement.subscriptionSet = new Entitlement.Keys(subscriptions);
        }
    }
}
