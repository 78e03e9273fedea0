package dev.mercato.billing.analytics;

import java.time.YearMonth;
import java.time.temporal.ChronoUnit;

import dev.mercato.billing.rating.BillingPeriod;
import dev.mercato.platform.api.ApiException;

/** The months a revenue request covers, both included: at most {@value #MAX_MONTHS}, none after the current one. */
record RevenueRange(YearMonth from, YearMonth to) {

    static final int MAX_MONTHS = 36;
    private static final int DEFAULT_MONTHS = 12;

    /**
     * {@code from} and {@code to} as given ({@code yyyy-MM}, either may be absent): by default the 12 months up to
     * the current one; {@code from} alone runs to the current month, {@code to} alone covers the 12 months ending
     * with it. Anything else answers 400 naming the parameter.
     */
    static RevenueRange parse(String from, String to, YearMonth current) {
        YearMonth last = to == null ? current : month("to", to);
        YearMonth first = from == null ? last.minusMonths(DEFAULT_MONTHS - 1) : month("from", from);
        if (last.isAfter(current)) {
            throw ApiException.invalidField("to", "must not be after the current month, " + current);
        }
        if (first.isAfter(current)) {
            throw ApiException.invalidField("from", "must not be after the current month, " + current);
        }
        // as the invoice export: the range's end is named when the range itself is wrong
        if (first.isAfter(last)) {
            throw ApiException.invalidField("to", "must not be before from (" + first + ")");
        }
        long months = ChronoUnit.MONTHS.between(first, last) + 1;
        if (months > MAX_MONTHS) {
            throw ApiException.invalidField("to", "the range from " + first + " to " + last + " covers " + months
                    + " months; at most " + MAX_MONTHS + " are allowed");
        }
        return new RevenueRange(first, last);
    }

    private static YearMonth month(String parameter, String text) {
        YearMonth month = BillingPeriod.parseMonth(text);
        if (month == null) {
            throw ApiException.invalidField(parameter, "must be a month as yyyy-MM, such as 2026-10");
        }
        return month;
    }
}
