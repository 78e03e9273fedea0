package dev.mercato.catalog.offer;

import java.math.RoundingMode;

import jakarta.enterprise.context.ApplicationScoped;

import dev.mercato.platform.events.PrivateOfferChangedV1;

/** A private offer's public representation, for the API and for its events. */
@ApplicationScoped
public class PrivateOfferMapper {

    public PrivateOfferResponse toResponse(PrivateOffer offer) {
        return new PrivateOfferResponse(offer.id, "private_offer", offer.marketplace, offer.ownerId, offer.listingId,
                offer.listingName, offer.customerId, offer.customerName, offer.title, offer.notes,
                new OfferPricing(offer.discountPercentage.setScale(2, RoundingMode.UNNECESSARY), offer.durationMonths),
                offer.status.name(), offer.expiresAt, offer.sentAt, offer.acceptedAt, offer.declinedAt,
                offer.cancelledAt, offer.expiredAt, offer.createdAt, offer.updatedAt);
    }

    public PrivateOfferChangedV1 toEvent(PrivateOffer offer) {
        return new PrivateOfferChangedV1(offer.id, offer.marketplace, offer.ownerId, offer.listingId, offer.listingName,
                offer.customerId, offer.customerName, offer.title, offer.notes,
                new PrivateOfferChangedV1.PricingV1(offer.discountPercentage.setScale(2, RoundingMode.UNNECESSARY),
                        offer.durationMonths),
                offer.status.name(), offer.expiresAt, offer.sentAt, offer.acceptedAt, offer.declinedAt,
                offer.cancelledAt, offer.expiredAt, offer.createdAt, offer.updatedAt, offer.version);
    }
}
