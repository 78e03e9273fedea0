package dev.mercato.metering.readmodel;

import java.time.LocalDate;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.inject.Singleton;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.mercato.platform.events.EntitlementChangedV1;
import dev.mercato.platform.events.Topics;

/**
 * Every entitlement of {@code orders.entitlements}, in memory as a {@link MeteredEntitlement}, also indexed by
 * customer and listing: a usage event needs an entitlement of its customer to its listing in force on the event's
 * date.
 */
@Singleton // no client proxy: read on every usage event, and the superclass has no no-args constructor
public class CustomerEntitlements extends CompactedTopicView<MeteredEntitlement> {

    private record CustomerListing(String customerId, String listingId) {
    }

    private final Map<CustomerListing, Map<String, MeteredEntitlement>> byCustomerAndListing = new ConcurrentHashMap<>();

    public CustomerEntitlements(ObjectMapper json) {
        super(Topics.ORDERS_ENTITLEMENTS, EntitlementChangedV1.CHANGED, MeteredEntitlement.class,
                MeteredEntitlement::version, json);
    }

    /**
     * The entitlement of {@code customerId} to {@code listingId} that covers {@code date}
     * ({@link MeteredEntitlement#covers}), an ACTIVE one rather than an EXPIRED one; null when none.
     */
    public MeteredEntitlement inForce(String customerId, String listingId, LocalDate date) {
        Map<String, MeteredEntitlement> candidates = byCustomerAndListing.get(new CustomerListing(customerId, listingId));
        if (candidates == null) {
            return null;
        }
        MeteredEntitlement found = null;
        for (MeteredEntitlement entitlement : candidates.values()) {
            if (entitlement.covers(date) && (found == null || entitlement.active())) {
                found = entitlement;
            }
        }
        return found;
    }

    @Override
    protected void changed(MeteredEntitlement previous, MeteredEntitlement current) {
        if (previous != null && previous.listingId() != null) {
            CustomerListing key = new CustomerListing(previous.customerId(), previous.listingId());
            Map<String, MeteredEntitlement> old = byCustomerAndListing.get(key);
            if (old != null) {
                old.remove(previous.id());
                if (old.isEmpty()) {
                    byCustomerAndListing.remove(key, old);
                }
            }
        }
        if (current != null && current.listingId() != null && current.customerId() != null) {
            byCustomerAndListing.computeIfAbsent(new CustomerListing(current.customerId(), current.listingId()),
                    key -> new ConcurrentHashMap<>()).put(current.id(), current);
        }
    }
}
