package dev.mercato.catalog.offer;

import java.math.BigDecimal;
import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/**
 * A vendor's private offer to one customer (a tenant) on one of its listings: a discount for a number of
 * months, answered by the customer's side before it expires. The listing's and customer's names are
 * copied in when the offer is made, so the offer reads the same to both sides later.
 */
@Entity
@Table(name = "private_offer")
public class PrivateOffer {

    @Id
    public String id;

    /** The vendor organization that owns the offer: the listing's owner. */
    @Column(name = "owner_id", nullable = false)
    public String ownerId;

    @Column(name = "owner_path", nullable = false)
    public String ownerPath;

    /** The listing's marketplace: aws, azure or direct. */
    @Column(nullable = false)
    public String marketplace;

    @Column(name = "listing_id", nullable = false)
    public String listingId;

    @Column(name = "listing_name", nullable = false)
    public String listingName;

    @Column(name = "customer_id", nullable = false)
    public String customerId;

    /** The customer's organization path: it and the organizations above it see and answer the offer. */
    @Column(name = "customer_path", nullable = false)
    public String customerPath;

    @Column(name = "customer_name", nullable = false)
    public String customerName;

    public String title;

    public String notes;

    @Column(name = "discount_percentage", nullable = false)
    public BigDecimal discountPercentage;

    @Column(name = "duration_months", nullable = false)
    public int durationMonths;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public OfferStatus status;

    @Column(name = "expires_at")
    public Instant expiresAt;

    @Column(name = "sent_at")
    public Instant sentAt;

    @Column(name = "accepted_at")
    public Instant acceptedAt;

    @Column(name = "declined_at")
    public Instant declinedAt;

    @Column(name = "cancelled_at")
    public Instant cancelledAt;

    @Column(name = "expired_at")
    public Instant expiredAt;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Version
    public long version;

    /** Whether a sent offer's time is up, whether or not the expiry sweep has marked it yet. */
    public boolean hasExpired(Instant now) {
        return status == OfferStatus.SENT && expiresAt != null && !expiresAt.isAfter(now);
    }
}
