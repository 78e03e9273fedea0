package dev.mercato.console.web;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import dev.mercato.console.metering.UsageRow;

/**
 * Usage rows as one series per dimension: every hour or day (UTC) of the window in order, with the values of the
 * rows of that bucket added up (over customers and subscriptions) and zero where there was none.
 */
final class UsageSeries {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter HOUR = DateTimeFormatter.ofPattern("MM-dd HH:00").withZone(ZoneOffset.UTC);

    private UsageSeries() {
    }

    /** The first bucket of a window of {@code buckets} hours or days that ends with the one holding {@code now}. */
    static Instant windowStart(ChronoUnit unit, int buckets, Instant now) {
        return now.truncatedTo(unit).minus(buckets - 1L, unit);
    }

    /** Dimension → its points, dimensions by name. Rows outside the window are left out. */
    static Map<String, List<BarChart.Point>> of(List<UsageRow> rows, ChronoUnit unit, Instant from, int buckets) {
        Map<String, BigDecimal[]> sums = new TreeMap<>();
        for (UsageRow row : rows) {
            long bucket = unit.between(from, row.periodStart().truncatedTo(unit));
            if (bucket < 0 || bucket >= buckets || row.value() == null) {
                continue;
            }
            BigDecimal[] series = sums.computeIfAbsent(row.dimension(), dimension -> zeros(buckets));
            series[(int) bucket] = series[(int) bucket].add(row.value());
        }
        DateTimeFormatter format = unit == ChronoUnit.HOURS ? HOUR : DAY;
        Map<String, List<BarChart.Point>> series = new LinkedHashMap<>();
        sums.forEach((dimension, values) -> {
            List<BarChart.Point> points = new ArrayList<>(buckets);
            for (int i = 0; i < buckets; i++) {
                points.add(new BarChart.Point(format.format(from.plus(i, unit)), values[i]));
            }
            series.put(dimension, points);
        });
        return series;
    }

    private static BigDecimal[] zeros(int buckets) {
        BigDecimal[] zeros = new BigDecimal[buckets];
        java.util.Arrays.fill(zeros, BigDecimal.ZERO);
        return zeros;
    }
}
