package dev.mercato.pricing;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * A subscription term, start inclusive, end exclusive. Proration charges the part of an amount that
 * the days from a date to the end are of the whole term: adding seats with 73 of 365 days left costs
 * 73/365 of a year's price.
 */
public record Term(LocalDate start, LocalDate end) {

    public Term {
        if (start == null || end == null || !end.isAfter(start)) {
            throw new PricingException("endDate", "must be after the start date");
        }
    }

    /** The remaining share of the term from {@code from}: 1 before the start, 0 from the end on. */
    public BigDecimal remainingFraction(LocalDate from) {
        long total = ChronoUnit.DAYS.between(start, end);
        long remaining = ChronoUnit.DAYS.between(from.isBefore(start) ? start : from, end);
        if (remaining <= 0) {
            return BigDecimal.ZERO;
        }
        return BigDecimal.valueOf(remaining).divide(BigDecimal.valueOf(total), MathContext.DECIMAL128);
    }

    /** {@code amount} prorated from {@code from} to the end of the term, exact to 34 digits (unrounded). */
    public BigDecimal prorate(BigDecimal amount, LocalDate from) {
        long total = ChronoUnit.DAYS.between(start, end);
        long remaining = Math.max(0, ChronoUnit.DAYS.between(from.isBefore(start) ? start : from, end));
        return amount.multiply(BigDecimal.valueOf(remaining)).divide(BigDecimal.valueOf(total), MathContext.DECIMAL128);
    }

    /**
     * The share of the term that the days from {@code from} (inclusive) to {@code to} (exclusive) are, both
     * clamped to the term: what a billing period charges of a term's price. 0 when they do not overlap.
     */
    public BigDecimal fractionBetween(LocalDate from, LocalDate to) {
        LocalDate first = from.isBefore(start) ? start : from;
        LocalDate last = to.isAfter(end) ? end : to;
        long days = ChronoUnit.DAYS.between(first, last);
        if (days <= 0) {
            return BigDecimal.ZERO;
        }
        return BigDecimal.valueOf(days).divide(BigDecimal.valueOf(ChronoUnit.DAYS.between(start, end)), MathContext.DECIMAL128);
    }
}
