package dev.mercato.console.billing;

import java.math.BigDecimal;
import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** One entry of the commission ledger ({@code /api/v1/commissions}): who earns what on which invoice. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Commission(String id, String source, String invoiceId, String period, String customerId,
        String beneficiaryId, String beneficiaryKind, String currency, BigDecimal baseAmount, BigDecimal amount,
        Instant bookedAt) {
}
