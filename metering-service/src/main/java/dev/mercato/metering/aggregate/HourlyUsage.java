package dev.mercato.metering.aggregate;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * A batch's new usage of one aggregate (customer, listing, subscription, dimension, hour), added up in
 * memory so the database sees one row per aggregate instead of one per event.
 */
final class HourlyUsage {

    final AggregateKey key;
    final String vendorId;
    final String aggregation;
    final String uniqueProperty;
    BigDecimal sum = BigDecimal.ZERO;
    long count;
    BigDecimal max;
    BigDecimal latest;
    Instant latestAt;
    final Set<String> uniqueValues = new LinkedHashSet<>();

    HourlyUsage(CountableUsage.Target target) {
        this.key = target.key();
        this.vendorId = target.vendorId();
        this.aggregation = target.aggregation();
        this.uniqueProperty = target.uniqueProperty();
    }

    void add(CountableUsage event) {
        BigDecimal quantity = event.quantity();
        sum = sum.add(quantity);
        count++;
        max = max == null || quantity.compareTo(max) > 0 ? quantity : max;
        if (latestAt == null || !event.timestamp().isBefore(latestAt)) {
            latest = quantity;
            latestAt = event.timestamp();
        }
        if (event.uniqueValue() != null) {
            uniqueValues.add(event.uniqueValue());
        }
    }
}
