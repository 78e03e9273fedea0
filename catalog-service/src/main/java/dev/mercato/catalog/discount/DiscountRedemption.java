package dev.mercato.catalog.discount;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One redemption of a discount: by which customer, for how many units, on which order. Never changed. */
@Entity
@Table(name = "discount_redemption")
public class DiscountRedemption {

    @Id
    public String id;

    @Column(name = "discount_id", nullable = false)
    public String discountId;

    @Column(name = "customer_id", nullable = false)
    public String customerId;

    /** The customer id when the discount allows one redemption per customer (a unique index holds it). */
    @Column(name = "once_key")
    public String onceKey;

    public Long units;

    /** The caller's reference, such as the order id. */
    public String reference;

    /** The subject of the token that redeemed it. */
    @Column(name = "redeemed_by", nullable = false)
    public String redeemedBy;

    @Column(name = "redeemed_at", nullable = false)
    public Instant redeemedAt;
}
