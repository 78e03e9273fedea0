package dev.mercato.order.entitlement;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;

import jakarta.enterprise.context.ApplicationScoped;

import dev.mercato.order.account.CustomerRef;
import dev.mercato.order.subscription.Subscription;
import dev.mercato.order.subscription.SubscriptionRepository;
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
        return subscriptions.ofCustomerProduct(customer.id, productKey)
                .chain(all -> entitlements.findByCustomerAndProduct(customer.id, productKey)
                        .chain(existing -> apply(customer, productKey, all, existing, now)));
    }

    private Uni<Void> apply(CustomerRef customer, String productKey, List<Subscription> all, Entitlement existing,
            Instant now) {
        if (all.isEmpty() && existing == null) {
            return Uni.createFrom().voidItem();
        }
        Terms terms = all.isEmpty() ? existingEnded(existing) : Terms.of(all);
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

        static Terms of(List<Subscription> all) {
            List<Subscription> inForce = all.stream().filter(s -> s.status != SubscriptionStatus.EXPIRED).toList();
            List<Subscription> basis = inForce.isEmpty() ? all : inForce;
            Subscription latest = basis.stream().max(Comparator.comparing((Subscription s) -> s.createdAt)).orElseThrow();
            TreeSet<String> dimensions = new TreeSet<>();
            basis.forEach(subscription -> dimensions.addAll(subscription.dimensions()));
            int seats = all.stream().filter(s -> s.status == SubscriptionStatus.ACTIVE).mapToInt(s -> s.seats).sum();
            SubscriptionStatus status = all.stream().anyMatch(s -> s.status == SubscriptionStatus.ACTIVE)
                    ? SubscriptionStatus.ACTIVE
                    : inForce.isEmpty() ? SubscriptionStatus.EXPIRED : SubscriptionStatus.INACTIVE;
            return new Terms(latest.listingId, latest.listingId == null ? latest.renewalSku : null,
                    latest.description, List.copyOf(dimensions), seats,
                    basis.stream().map(s -> s.startDate).min(Comparator.naturalOrder()).orElseThrow(),
                    basis.stream().map(s -> s.endDate).max(Comparator.naturalOrder()).orElseThrow(), status,
                    basis.stream().map(s -> s.serialNumber).sorted().toList());
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
