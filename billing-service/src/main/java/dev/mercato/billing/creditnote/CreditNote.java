package dev.mercato.billing.creditnote;

import java.math.BigDecimal;
import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A credit or debit note header, as the list endpoints read it; written only by {@link CreditNoteWriter}. */
@Entity
@Table(name = "credit_note")
public class CreditNote {

    @Id
    public String id;

    @Column(name = "invoice_id")
    public String invoiceId;

    @Column(name = "customer_id")
    public String customerId;

    @Column(name = "customer_path")
    public String customerPath;

    /** CREDIT or DEBIT. */
    public String kind;

    /** VOID or USAGE_CORRECTION. */
    public String reason;

    public String currency;

    public BigDecimal total;

    @Column(name = "created_at")
    public Instant createdAt;
}
