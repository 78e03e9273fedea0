package dev.mercato.platform.events;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * A credit note (negative {@code total}) or debit note (positive) against a finalized invoice, as
 * billing-service publishes it on {@link Topics#BILLING_CREDIT_NOTES} (type {@value #CREATED}), keyed by
 * the note's id. Notes are never changed after creation.
 *
 * @param kind   CREDIT or DEBIT
 * @param reason VOID (the whole invoice cancelled) or USAGE_CORRECTION (late or corrected usage)
 */
@RegisterForReflection // read and written by Jackson outside REST (Kafka payloads)
public record CreditNoteCreatedV1(
        String id,
        String invoiceId,
        String customerId,
        String kind,
        String reason,
        String currency,
        BigDecimal total,
        List<CreditNoteLineV1> lines,
        Instant createdAt) {

    public static final String CREATED = "mercato.billing.credit-note.created.v1";

    /**
     * One line: the invoice line it corrects (null when the invoice had none: usage of a dimension reported only
     * after finalization), the subscription and dimension, the quantity and the signed amount.
     */
    @RegisterForReflection // part of a Kafka payload
    public record CreditNoteLineV1(int lineNo, Integer invoiceLineNo, String subscriptionId, String description,
            String dimension, BigDecimal quantity, BigDecimal amount) {
    }
}
