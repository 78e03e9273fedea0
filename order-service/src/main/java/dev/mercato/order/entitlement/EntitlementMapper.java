package dev.mercato.order.entitlement;

import jakarta.enterprise.context.ApplicationScoped;

import dev.mercato.platform.events.EntitlementChangedV1;

/** An entitlement as the API shows it and as its event carries it. */
@ApplicationScoped
public class EntitlementMapper {

    public EntitlementResponse toResponse(Entitlement entitlement) {
        return new EntitlementResponse(entitlement.id, "entitlement", entitlement.customer.id,
                entitlement.customer.csn, entitlement.customer.name, entitlement.listingId, entitlement.sku,
                entitlement.description, entitlement.dimensionSet.keys(), entitlement.seats, entitlement.startDate,
                entitlement.endDate, entitlement.status.name(), entitlement.subscriptionSet.keys(),
                entitlement.createdAt, entitlement.lastUpdated);
    }

    public EntitlementChangedV1 toEvent(Entitlement entitlement) {
        return new EntitlementChangedV1(entitlement.id, entitlement.customer.id, entitlement.customer.csn,
                entitlement.customer.name, entitlement.listingId, entitlement.sku, entitlement.description,
                entitlement.dimensionSet.keys(), entitlement.seats, entitlement.startDate, entitlement.endDate,
                entitlement.status.name(), entitlement.subscriptionSet.keys(), entitlement.createdAt,
                entitlement.lastUpdated, entitlement.version);
    }
}
