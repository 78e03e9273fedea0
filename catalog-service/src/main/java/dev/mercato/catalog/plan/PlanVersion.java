package dev.mercato.catalog.plan;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * One numbered version of a {@link Plan}: its currency, pricing period and free trial; its prices are
 * {@link PlanPrice} rows. A draft may change; a published version never does, so a subscription can
 * keep the version it bought.
 */
@Entity
@Table(name = "plan_version")
public class PlanVersion {

    @Id
    public String id;

    @Column(name = "plan_id", nullable = false)
    public String planId;

    @Column(nullable = false)
    public int number;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public PlanVersionStatus status;

    /** Lower-case ISO 4217 code every price of the version is in. */
    @Column(nullable = false)
    public String currency;

    /** How often recurring prices are charged; null when the version has none. */
    @Enumerated(EnumType.STRING)
    @Column(name = "pricing_period")
    public PricingPeriod pricingPeriod;

    @Column(name = "free_trial_duration")
    public Integer freeTrialDuration;

    @Enumerated(EnumType.STRING)
    @Column(name = "free_trial_period")
    public FreeTrialPeriod freeTrialPeriod;

    /** Days the subscription keeps running after the trial ended without a payment method. */
    @Column(name = "free_trial_grace_days")
    public Integer freeTrialGraceDays;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "published_at")
    public Instant publishedAt;

    public boolean isDraft() {
        return status == PlanVersionStatus.DRAFT;
    }
}
