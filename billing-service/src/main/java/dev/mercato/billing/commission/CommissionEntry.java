package dev.mercato.billing.commission;

import java.math.BigDecimal;
import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A commission ledger entry, as the list endpoints read it; written only by {@link CommissionLedger}. */
@Entity
@Table(name = "commission_entry")
public class CommissionEntry {

    @Id
    public String id;

    /** INVOICE or CREDIT_NOTE. */
    public String source;

    @Column(name = "source_id")
    public String sourceId;

    @Column(name = "source_line_no")
    public int sourceLineNo;

    @Column(name = "invoice_id")
    public String invoiceId;

    @Column(name = "invoice_line_no")
    public Integer invoiceLineNo;

    public String period;

    @Column(name = "customer_id")
    public String customerId;

    @Column(name = "beneficiary_id")
    public String beneficiaryId;

    /** PARTNER, DISTRIBUTOR or PLATFORM. */
    @Column(name = "beneficiary_kind")
    public String beneficiaryKind;

    @Column(name = "beneficiary_path")
    public String beneficiaryPath;

    public String currency;

    @Column(name = "base_amount")
    public BigDecimal baseAmount;

    public BigDecimal amount;

    @Column(name = "booked_at")
    public Instant bookedAt;
}
