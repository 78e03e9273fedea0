package dev.mercato.console.billing;

import java.math.BigDecimal;
import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** A credit or debit note as {@code /api/v1/credit-notes} lists it. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record CreditNote(String id, String invoiceId, String customerId, String kind, String reason, String currency,
        BigDecimal total, Instant createdAt) {
}
