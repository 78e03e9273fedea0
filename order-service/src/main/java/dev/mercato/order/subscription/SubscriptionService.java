package dev.mercato.order.subscription;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

import jakarta.enterprise.context.ApplicationScoped;

import dev.mercato.platform.api.ApiException;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

/**
 * Changes one subscription for transaction processing: more seats, a new end date, retirement, another
 * article. Each method runs in the caller's transaction when there is one (else its own) and publishes the
 * subscription and whatever follows from it (contract, opportunity, entitlements, team).
 */
@ApplicationScoped
public class SubscriptionService {

    private final SubscriptionRepository subscriptions;
    private final SubscriptionChanges changes;
    private final Clock clock;

    public SubscriptionService(SubscriptionRepository subscriptions, SubscriptionChanges changes, Clock clock) {
        this.clock = clock;
        this.subscriptions = subscriptions;
        this.changes = changes;
    }

    /** {@code quantity} more of its article: quantity grows by it, seats by it × the pack size. */
    @WithTransaction
    public Uni<Subscription> addSeats(String serialNumber, int quantity) {
        if (quantity < 1) {
            throw new IllegalArgumentException("add a quantity of at least 1");
        }
        return change(serialNumber, subscription -> {
            requireInForce(subscription);
            subscription.quantity = Math.addExact(subscription.quantity, quantity);
            subscription.seats = Math.multiplyExact(subscription.quantity, subscription.packSize);
        });
    }

    /** A new last day (a renewal's new term, an extension); not before its start. */
    @WithTransaction
    public Uni<Subscription> changeEndDate(String serialNumber, LocalDate endDate) {
        return change(serialNumber, subscription -> {
            requireInForce(subscription);
            if (endDate.isBefore(subscription.startDate)) {
                throw new IllegalArgumentException("subscription " + serialNumber + " cannot end before it starts ("
                        + subscription.startDate + ")");
            }
            subscription.endDate = endDate;
        });
    }

    /** Ends it now (traded in, switched away): expired from now on, whatever its dates; it leaves its contract's items. */
    @WithTransaction
    public Uni<Subscription> retire(String serialNumber) {
        Instant now = clock.instant();
        return change(serialNumber, subscription -> {
            requireInForce(subscription);
            subscription.retiredAt = now;
        });
    }

    /** Switches it to another article (S2S), keeping its term and quantity; seats follow the new pack size. */
    @WithTransaction
    public Uni<Subscription> replaceSku(String serialNumber, NewArticle article) {
        Instant now = clock.instant();
        return existing(serialNumber).chain(subscription -> {
            requireInForce(subscription);
            String formerProduct = subscription.productKey();
            subscription.renewalSku = article.renewalSku();
            subscription.description = article.description();
            subscription.productLineCode = article.productLineCode();
            subscription.deployment = article.deployment();
            subscription.packSize = article.packSize();
            subscription.seats = Math.multiplyExact(subscription.quantity, article.packSize());
            subscription.prices = article.prices();
            subscription.lastUpdated = now;
            return changes.published(List.of(subscription), Set.of(), Map.of(formerProduct, subscription.customer))
                    .replaceWith(subscription);
        });
    }

    /** The subscription with this serial number; 404 when there is none. */
    public Uni<Subscription> existing(String serialNumber) {
        return subscriptions.findBySerial(serialNumber)
                .onItem().ifNull().failWith(() -> ApiException.notFound("subscription", serialNumber));
    }

    private Uni<Subscription> change(String serialNumber, Consumer<Subscription> edit) {
        Instant now = clock.instant();
        return existing(serialNumber).chain(subscription -> {
            edit.accept(subscription);
            subscription.lastUpdated = now;
            return changes.published(List.of(subscription)).replaceWith(subscription);
        });
    }

    private static void requireInForce(Subscription subscription) {
        if (subscription.retiredAt != null) {
            throw ApiException.conflict("subscription " + subscription.serialNumber + " was retired at "
                    + subscription.retiredAt + " and can no longer change");
        }
    }
}
