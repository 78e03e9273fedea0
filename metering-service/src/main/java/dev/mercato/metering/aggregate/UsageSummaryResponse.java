package dev.mercato.metering.aggregate;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * A customer's usage of one listing dimension (under one subscription) in one period. {@code value} is
 * the dimension's declared measure over the period: the sum, the count, the largest quantity, the latest
 * one, or the distinct values of its unique property.
 */
public record UsageSummaryResponse(
        Instant periodStart,
        String granularity,
        String customerId,
        String vendorId,
        String listingId,
        String subscriptionId,
        String dimension,
        String aggregation,
        BigDecimal sum,
        long count,
        BigDecimal max,
        BigDecimal latest,
        long uniqueCount,
        BigDecimal value) {
}
