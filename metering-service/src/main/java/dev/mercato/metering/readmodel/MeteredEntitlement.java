package dev.mercato.metering.readmodel;

import java.time.LocalDate;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;

import dev.mercato.platform.events.EntitlementChangedV1;
import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * What usage validation needs of an {@link EntitlementChangedV1} snapshot, and nothing more: metering-service holds
 * one per entitlement of the platform in memory, so the names, descriptions, dimensions, seats and timestamps of
 * the snapshot are not kept. Read straight from the snapshot's JSON. The status and the listing id, shared by many
 * entitlements, are kept once per value (interned). docs/BENCHMARKS.md "Memory sizing" has the bytes per entitlement.
 *
 * @param status       ACTIVE, INACTIVE or EXPIRED
 * @param subscription the first subscription the entitlement comes from (usage is attributed to it), or null
 */
@RegisterForReflection // read by Jackson from Kafka payloads
public record MeteredEntitlement(String id, String customerId, String listingId, String status, LocalDate startDate,
        LocalDate endDate, String subscription, long version) {

    @JsonCreator
    static MeteredEntitlement fromSnapshot(@JsonProperty("id") String id, @JsonProperty("customerId") String customerId,
            @JsonProperty("listingId") String listingId, @JsonProperty("status") String status,
            @JsonProperty("startDate") LocalDate startDate, @JsonProperty("endDate") LocalDate endDate,
            @JsonProperty("subscriptions") List<String> subscriptions, @JsonProperty("version") long version) {
        return new MeteredEntitlement(id, customerId, listingId == null ? null : listingId.intern(),
                status == null ? null : status.intern(), startDate, endDate,
                subscriptions == null || subscriptions.isEmpty() ? null : subscriptions.get(0), version);
    }

    /**
     * Whether usage of {@code date} may count against it: ACTIVE, or EXPIRED since (usage reported late for a day it
     * was in force), with {@code date} between its start and end dates (either open when absent). INACTIVE ones (not
     * started, or suspended) never qualify.
     */
    boolean covers(LocalDate date) {
        return ("ACTIVE".equals(status) || "EXPIRED".equals(status))
                && (startDate == null || !date.isBefore(startDate))
                && (endDate == null || !date.isAfter(endDate));
    }

    boolean active() {
        return "ACTIVE".equals(status);
    }
}
