package dev.mercato.billing.rating;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.regex.Pattern;

/**
 * A customer's billing period: the month {@code period} names, starting on the customer's billing day of
 * that month (the last day of a shorter month) and ending, exclusive, on the billing day of the next.
 * Billing day 1 and period 2026-10 cover 2026-10-01 to 2026-11-01; billing day 15: 2026-10-15 to 2026-11-15.
 */
public record BillingPeriod(YearMonth month, LocalDate start, LocalDate end) {

    private static final Pattern FORMAT = Pattern.compile("\\d{4}-\\d{2}");

    public static BillingPeriod of(YearMonth month, int billingDay) {
        return new BillingPeriod(month, dayOf(month, billingDay), dayOf(month.plusMonths(1), billingDay));
    }

    /** {@code yyyy-MM}, or null when {@code text} is not one. */
    public static YearMonth parseMonth(String text) {
        if (text == null || !FORMAT.matcher(text).matches()) {
            return null;
        }
        try {
            return YearMonth.parse(text);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** The period of {@code billingDay} that contains {@code date}. */
    public static BillingPeriod containing(LocalDate date, int billingDay) {
        BillingPeriod same = of(YearMonth.from(date), billingDay);
        return date.isBefore(same.start) ? of(YearMonth.from(date).minusMonths(1), billingDay) : same;
    }

    public String name() {
        return month.toString();
    }

    public long days() {
        return ChronoUnit.DAYS.between(start, end);
    }

    public boolean endedBy(LocalDate today) {
        return !end.isAfter(today);
    }

    private static LocalDate dayOf(YearMonth month, int billingDay) {
        return month.atDay(Math.min(Math.max(billingDay, 1), month.lengthOfMonth()));
    }
}
