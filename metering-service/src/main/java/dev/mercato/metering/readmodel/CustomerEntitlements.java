package dev.mercato.metering.readmodel;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.inject.Singleton;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.mercato.platform.events.EntitlementChangedV1;
import dev.mercato.platform.events.Topics;

/**
 * Every entitlement of {@code orders.entitlements}, in memory, also indexed by customer and listing: a usage
 * event needs an entitlement of its customer to its listing in force on the event's date.
 */
@Singleton // no client proxy: read on every usage event, and the superclass has no no-args constructor
public class CustomerEntitlements extends CompactedTopicView<EntitlementChangedV1> {

    private final Map<String, Map<String, EntitlementChangedV1>> byCustomerAndListing = new ConcurrentHashMap<>();

    public CustomerEntitlements(ObjectMapper json) {
        super(Topics.ORDERS_ENTITLEMENTS, EntitlementChangedV1.CHANGED, EntitlementChangedV1.class,
                EntitlementChangedV1::version, json);
    }

    /**
     * The entitlement of {@code customerId} to {@code listingId} that covers {@code date}: ACTIVE, or EXPIRED
     * since (usage reported late for a day it was in force), with {@code date} between its start and end
     * dates (either open when absent). INACTIVE ones (not started, or suspended) never qualify. Null when none.
     */
    public EntitlementChangedV1 inForce(String customerId, String listingId, LocalDate date) {
        Map<String, EntitlementChangedV1> candidates = byCustomerAndListing.get(indexKey(customerId, listingId));
        if (candidates == null) {
            return null;
        }
        EntitlementChangedV1 found = null;
        for (EntitlementChangedV1 entitlement : candidates.values()) {
            if (covers(entitlement, date) && (found == null || "ACTIVE".equals(entitlement.status()))) {
                found = entitlement;
            }
        }
        return found;
    }

    /** The first subscription the entitlement comes from, or null. */
    public static String firstSubscription(EntitlementChangedV1 entitlement) {
        List<String> subscriptions = entitlement.subscriptions();
        return subscriptions == null || subscriptions.isEmpty() ? null : subscriptions.get(0);
    }

    private static boolean covers(EntitlementChangedV1 entitlement, LocalDate date) {
        String status = entitlement.status();
        return ("ACTIVE".equals(status) || "EXPIRED".equals(status))
                && (entitlement.startDate() == null || !date.isBefore(entitlement.startDate()))
                && (entitlement.endDate() == null || !date.isAfter(entitlement.endDate()));
    }

    @Override
    protected void changed(EntitlementChangedV1 previous, EntitlementChangedV1 current) {
        if (previous != null && previous.listingId() != null) {
            Map<String, EntitlementChangedV1> old = byCustomerAndListing.get(indexKey(previous.customerId(), previous.listingId()));
            if (old != null) {
                old.remove(previous.id());
            }
        }
        if (current != null && current.listingId() != null && current.customerId() != null) {
            byCustomerAndListing.computeIfAbsent(indexKey(current.customerId(), current.listingId()),
                    key -> new ConcurrentHashMap<>()).put(current.id(), current);
        }
    }

    private static String indexKey(String customerId, String listingId) {
        return customerId + '\n' + listingId;
    }
}
