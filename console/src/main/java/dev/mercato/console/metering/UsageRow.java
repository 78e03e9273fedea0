package dev.mercato.console.metering;

import java.math.BigDecimal;
import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * A customer's usage of one dimension (under one subscription) in one hour, day or month
 * ({@code /api/v1/usage/summary}): {@code value} is the dimension's own measure over the period.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record UsageRow(Instant periodStart, String customerId, String listingId, String subscriptionId,
        String dimension, String aggregation, BigDecimal value) {
}
