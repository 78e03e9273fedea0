package dev.mercato.billing.run;

import jakarta.validation.constraints.NotNull;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.constraints.Size;

/**
 * A billing run for {@code period} ({@code yyyy-MM}, ended); with {@code finalize}, the invoices it creates are
 * finalized and numbered in the same transaction.
 */
public record BillingRunRequest(@NotNull @Size(max = 7) String period,
        @JsonProperty("finalize") Boolean finalizeInvoices) {
}
