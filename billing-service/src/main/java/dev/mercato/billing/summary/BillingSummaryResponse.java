package dev.mercato.billing.summary;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A customer's or one subscription's billing for a period, as rating computes it from the read models now:
 * charges by kind (RECURRING, ONE_TIME, USAGE), usage by dimension, discounts by discount, and totals (sums of
 * the rounded lines). {@code invoiceId} names the customer's invoice for the period once there is one.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record BillingSummaryResponse(String period, LocalDate periodStart, LocalDate periodEnd, String customerId,
        String subscriptionId, String currency, Map<String, BigDecimal> charges, List<Usage> usage,
        List<DiscountTotal> discounts, BigDecimal subtotal, BigDecimal discountTotal, BigDecimal total,
        String invoiceId, String invoiceStatus) {

    /** One dimension's usage in the period and what it costs. */
    public record Usage(String subscriptionId, String dimension, BigDecimal quantity, BigDecimal amount) {
    }

    /** What one discount took off. */
    public record DiscountTotal(String discountId, BigDecimal amount) {
    }
}
