package dev.mercato.billing.creditnote;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

import dev.mercato.pricing.Currencies;

/** A credit note (negative total) or debit note (positive); {@code lines} only on the single note. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CreditNoteResponse(String id, String invoiceId, String customerId, String kind, String reason,
        String currency, BigDecimal total, List<Line> lines, Instant createdAt) {

    /** One line: the invoice line it corrects (null when none), the quantity and the signed amount. */
    public record Line(int lineNo, Integer invoiceLineNo, String description, String dimension, BigDecimal quantity,
            BigDecimal amount) {
    }

    public static CreditNoteResponse of(CreditNote note) {
        return new CreditNoteResponse(note.id, note.invoiceId, note.customerId, note.kind, note.reason, note.currency,
                note.total.setScale(Currencies.minorUnits(note.currency)), null, note.createdAt);
    }

    CreditNoteResponse withLines(List<Line> noteLines) {
        return new CreditNoteResponse(id, invoiceId, customerId, kind, reason, currency, total, noteLines, createdAt);
    }
}
