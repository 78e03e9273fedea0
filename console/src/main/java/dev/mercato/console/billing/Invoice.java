package dev.mercato.console.billing;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** An invoice as {@code /api/v1/invoices} shows it; {@code lines} only when one invoice is asked for. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Invoice(String id, Long number, String customerId, String period, LocalDate periodStart,
        LocalDate periodEnd, String currency, String status, BigDecimal subtotal, BigDecimal discountTotal,
        BigDecimal total, List<Line> lines, Instant finalizedAt, Instant paidAt) {

    /** One line: what was billed, for which days, how much of it and at what price. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Line(int lineNo, String kind, String description, String sku, String dimension, LocalDate serviceFrom,
            LocalDate serviceTo, BigDecimal quantity, BigDecimal unitPrice, BigDecimal discountAmount,
            BigDecimal amount) {
    }
}
