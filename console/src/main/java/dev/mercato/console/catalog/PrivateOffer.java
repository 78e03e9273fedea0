package dev.mercato.console.catalog;

import java.math.BigDecimal;
import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** A private offer as {@code /api/v1/private-offers} shows it: a vendor's discount on a listing for one tenant. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record PrivateOffer(String id, String vendor, String vendorId, String listingId, String listingName,
        String customerId, String customerName, String title, String notes, Terms pricing, String status,
        Instant expiresAt, Instant sentAt, Instant createdAt) {

    /** {@code discountPercentage} off the listing's prices for {@code duration} months. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Terms(BigDecimal discountPercentage, Integer duration) {
    }

    public boolean draft() {
        return "DRAFT".equals(status);
    }

    public boolean sent() {
        return "SENT".equals(status);
    }
}
