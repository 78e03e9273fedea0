package dev.mercato.billing.invoice;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * An invoice header, as the list endpoints read it. Written only by SQL in batches (billing runs,
 * finalization), never through this entity.
 */
@Entity
@Table(name = "invoice")
public class Invoice {

    @Id
    public String id;

    @Column(name = "issuer_id")
    public String issuerId;

    @Column(name = "customer_id")
    public String customerId;

    @Column(name = "customer_path")
    public String customerPath;

    public String period;

    @Column(name = "period_start")
    public LocalDate periodStart;

    @Column(name = "period_end")
    public LocalDate periodEnd;

    public String currency;

    /** DRAFT, FINALIZED, PAID or VOID. */
    public String status;

    public Long number;

    public BigDecimal subtotal;

    @Column(name = "discount_total")
    public BigDecimal discountTotal;

    public BigDecimal total;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "finalized_at")
    public Instant finalizedAt;

    @Column(name = "paid_at")
    public Instant paidAt;

    @Column(name = "voided_at")
    public Instant voidedAt;
}
