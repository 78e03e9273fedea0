package dev.mercato.billing.commission;

import java.math.BigDecimal;
import java.time.Instant;

import dev.mercato.pricing.Currencies;

/**
 * One ledger entry: what a beneficiary earned (positive) or gave back (negative) on a line of an invoice or of
 * a credit or debit note, and the line's amount it was computed on.
 */
public record CommissionEntryResponse(String id, String source, String sourceId, int sourceLineNo, String invoiceId,
        Integer invoiceLineNo, String period, String customerId, String beneficiaryId, String beneficiaryKind,
        String currency, BigDecimal baseAmount, BigDecimal amount, Instant bookedAt) {

    static CommissionEntryResponse of(CommissionEntry entry) {
        int scale = Currencies.minorUnits(entry.currency);
        return new CommissionEntryResponse(entry.id, entry.source, entry.sourceId, entry.sourceLineNo, entry.invoiceId,
                entry.invoiceLineNo, entry.period, entry.customerId, entry.beneficiaryId, entry.beneficiaryKind,
                entry.currency, entry.baseAmount.setScale(scale), entry.amount.setScale(scale), entry.bookedAt);
    }
}
