package dev.mercato.metering.marketplace;

import java.math.BigDecimal;
import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One claimed hour of usage for a marketplace and its outcome there (read-only here: SQL writes it). */
@Entity
@Table(name = "marketplace_submission")
public class MarketplaceSubmission {

    @Id
    public String id;

    /** aws or azure. */
    public String marketplace;

    /** The hourly aggregate it came from ({@code uag_…}). */
    @Column(name = "aggregate_id")
    public String aggregateId;

    @Column(name = "customer_id")
    public String customerId;

    @Column(name = "vendor_id")
    public String vendorId;

    @Column(name = "listing_id")
    public String listingId;

    public String dimension;

    @Column(name = "hour_start")
    public Instant hourStart;

    @Column(name = "product_code")
    public String productCode;

    @Column(name = "account_kind")
    public String accountKind;

    @Column(name = "account_id")
    public String accountId;

    @Column(name = "plan_id")
    public String planId;

    public BigDecimal quantity;

    @Column(name = "submitted_quantity")
    public BigDecimal submittedQuantity;

    @Column(name = "unsubmitted_correction")
    public BigDecimal unsubmittedCorrection;

    /** PENDING, SUBMITTING, ACCEPTED, DUPLICATE, REJECTED or EXPIRED. */
    public String status;

    public String reason;

    @Column(name = "marketplace_record_id")
    public String marketplaceRecordId;

    public int attempts;

    @Column(name = "next_attempt_at")
    public Instant nextAttemptAt;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "submitted_at")
    public Instant submittedAt;

    @Column(name = "updated_at")
    public Instant updatedAt;
}
