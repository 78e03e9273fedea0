package dev.mercato.platform.events;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * An invoice after it was finalized ({@value #FINALIZED}), paid ({@value #PAID}) or voided ({@value #VOIDED}),
 * as billing-service publishes it on {@link Topics#BILLING_INVOICES}, keyed by the invoice id: the whole
 * invoice with every line. Amounts are decimals in {@code currency} (lower-case ISO 4217), each line rounded
 * once to the currency's minor unit; {@code total} is the sum of the lines.
 *
 * @param issuerId the organization that issues it (the customer's parent) and numbers its invoices
 * @param number   gap-free per issuer, given at finalization
 * @param status   FINALIZED, PAID or VOID
 */
@RegisterForReflection // read and written by Jackson outside REST (Kafka payloads)
public record InvoiceChangedV1(
        String id,
        String issuerId,
        long number,
        String customerId,
        String period,
        LocalDate periodStart,
        LocalDate periodEnd,
        String currency,
        String status,
        BigDecimal subtotal,
        BigDecimal discountTotal,
        BigDecimal total,
        List<InvoiceLineV1> lines,
        Instant createdAt,
        Instant finalizedAt,
        Instant paidAt,
        Instant voidedAt) {

    public static final String FINALIZED = "mercato.billing.invoice.finalized.v1";
    public static final String PAID = "mercato.billing.invoice.paid.v1";
    public static final String VOIDED = "mercato.billing.invoice.voided.v1";

    /**
     * One rated line, with its SKU, SRP per unit in {@code priceCurrency} and the discount applied. The event
     * reaches the invoiced customer (webhooks), so {@code purPrice}, the channel's purchase price, is always null
     * (kept in the record for compatibility).
     *
     * @param kind         RECURRING, ONE_TIME or USAGE
     * @param exchangeRate price currency → invoice currency, null when no conversion was needed
     */
    @RegisterForReflection // part of a Kafka payload
    public record InvoiceLineV1(int lineNo, String kind, String subscriptionId, String description, String sku,
            String planId, Integer planVersion, String dimension, LocalDate serviceFrom, LocalDate serviceTo,
            BigDecimal quantity, BigDecimal unitPrice, BigDecimal listAmount, BigDecimal discountAmount,
            BigDecimal amount, String priceCurrency, BigDecimal exchangeRate, LocalDate rateDate, String discountId,
            BigDecimal srpPrice, BigDecimal purPrice) {
    }
}
