package dev.mercato.billing.analytics;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Recurring revenue per month within the caller's subtree (or {@code customerId}'s): figures per price currency
 * and totals in the reporting {@code currency}. Amounts are rounded once, half-even, to their currency's minor unit.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RevenueResponse(String from, String to, String currency, String customerId, List<Month> months) {

    /**
     * One month, as of its last day ({@code asOf}): the subscriptions running then and the customers they belong
     * to; totals in the reporting currency, converted at {@code exchangeRates} (price currency → rate); currencies
     * without a rate that day under {@code unconverted}, left out of the totals.
     */
    public record Month(String month, LocalDate asOf, int subscriptions, int customers, Figures totals,
            Map<String, Figures> byCurrency, Map<String, BigDecimal> exchangeRates, List<Unconverted> unconverted) {
    }

    /**
     * MRR at the month's end, ARR (12 × MRR) and the movements since the previous month's end, all positive:
     * new (from 0), expansion (grew), contraction (shrank, still above 0), churned (to 0).
     */
    public record Figures(BigDecimal mrr, BigDecimal arr, BigDecimal newMrr, BigDecimal expansionMrr,
            BigDecimal contractionMrr, BigDecimal churnedMrr) {
    }

    /** A price currency whose figures could not be converted to the reporting currency, and why. */
    public record Unconverted(String currency, String reason) {
    }
}
