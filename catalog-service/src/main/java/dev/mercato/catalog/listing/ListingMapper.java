package dev.mercato.catalog.listing;

import jakarta.enterprise.context.ApplicationScoped;

import dev.mercato.platform.events.ListingChangedV1;

/** A listing's public representation, for the API and for its event. */
@ApplicationScoped
public class ListingMapper {

    public ListingResponse toResponse(Listing listing) {
        return new ListingResponse(listing.id, "listing", listing.marketplace, listing.ownerId, listing.name,
                listing.description, listing.productCode, listing.currency, listing.status.name(),
                listing.dimensions(), listing.createdAt, listing.updatedAt);
    }

    public ListingChangedV1 toEvent(Listing listing) {
        return new ListingChangedV1(listing.id, listing.marketplace, listing.ownerId, listing.name,
                listing.description, listing.productCode, listing.currency, listing.status.name(),
                listing.dimensions().stream().map(dimension -> new ListingChangedV1.DimensionV1(dimension.key(),
                        dimension.title(), dimension.unit(), dimension.pricePerUnit(), dimension.decimals(),
                        dimension.description(), dimension.retiredAt(), dimension.aggregation().name(),
                        dimension.uniqueProperty(), dimension.tokenRate())).toList(),
                listing.createdAt, listing.updatedAt, listing.version);
    }
}
