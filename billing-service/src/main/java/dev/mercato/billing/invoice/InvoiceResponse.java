package dev.mercato.billing.invoice;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

import dev.mercato.pricing.Currencies;

/**
 * An invoice as the API shows it; {@code lines} only on the single invoice (and dry runs), absent in lists.
 * Amounts are decimals in {@code currency} with its minor unit's decimals.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record InvoiceResponse(String id, String issuerId, Long number, String customerId, String period,
        LocalDate periodStart, LocalDate periodEnd, String currency, String status, BigDecimal subtotal,
        BigDecimal discountTotal, BigDecimal total, List<InvoiceLineResponse> lines, Instant createdAt,
        Instant finalizedAt, Instant paidAt, Instant voidedAt) {

    public static InvoiceResponse of(Invoice invoice) {
        int scale = Currencies.minorUnits(invoice.currency);
        return new InvoiceResponse(invoice.id, invoice.issuerId, invoice.number, invoice.customerId, invoice.period,
                invoice.periodStart, invoice.periodEnd, invoice.currency, invoice.status, invoice.subtotal.setScale(scale),
                invoice.discountTotal.setScale(scale), invoice.total.setScale(scale), null, invoice.createdAt,
                invoice.finalizedAt, invoice.paidAt, invoice.voidedAt);
    }

    /**
     * The invoice as {@code organizationId} may see it: the invoiced customer itself never sees the purchase prices
     * its channel bought at (they decide the channel's margin); its channel and the platform do.
     */
    public InvoiceResponse seenBy(String organizationId) {
        if (lines == null || !customerId.equals(organizationId)) {
            return this;
        }
        return withLines(lines.stream().map(InvoiceLineResponse::withoutPurchasePrice).toList());
    }

    public InvoiceResponse withLines(List<InvoiceLineResponse> invoiceLines) {
        return new InvoiceResponse(id, issuerId, number, customerId, period, periodStart, periodEnd, currency, status,
                subtotal, discountTotal, total, invoiceLines, createdAt, finalizedAt, paidAt, voidedAt);
    }
}
