package dev.mercato.order.transaction;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

import dev.mercato.pricing.LinePrice;
import dev.mercato.pricing.Money;
import dev.mercato.pricing.PriceDefinition;
import dev.mercato.pricing.Term;

/**
 * The share of a line's full price an order pays, and how a refusal says it. A change to a running term pays
 * for the days left of it ({@link #restOfTerm}); an extension pays for the days it adds, as a share of the
 * contract's term ({@link #extension}). Worked examples: the module README, "Proration and co-terming".
 *
 * @param share the share of the full price, exact (unrounded); 1 is the whole price
 * @param words how a refusal names it, e.g. {@code " for the rest of the term from 2026-12-01 to 2027-09-18"}
 */
public record Proration(BigDecimal share, String words) {

    /** The whole price (a new term): an INITIAL or RENEWAL line. */
    public static final Proration NONE = new Proration(BigDecimal.ONE, "");

    /**
     * The rest of a term that runs from {@code start} to {@code lastDay} (both inclusive), counted from
     * {@code orderDate} (inclusive): the days left over the term's days. Before the start it is the whole term.
     */
    public static Proration restOfTerm(LocalDate start, LocalDate lastDay, LocalDate orderDate) {
        Term term = new Term(start, lastDay.plusDays(1));
        return new Proration(term.remainingFraction(orderDate), " for the rest of the term from "
                + (orderDate.isBefore(start) ? start : orderDate) + " to " + lastDay);
    }

    /**
     * Moving a contract's last day from {@code currentEnd} to {@code newEnd} (co-terming it with another
     * contract): the days added over the days of the contract's term, which runs {@code termMonths} months
     * from {@code contractStart}.
     */
    public static Proration extension(LocalDate contractStart, int termMonths, LocalDate currentEnd, LocalDate newEnd) {
        long added = Math.max(0, ChronoUnit.DAYS.between(currentEnd, newEnd)); // placement refuses an earlier date
        long term = ChronoUnit.DAYS.between(contractStart, contractStart.plusMonths(termMonths));
        return new Proration(BigDecimal.valueOf(added).divide(BigDecimal.valueOf(term), MathContext.DECIMAL128),
                " for the " + added + " days from " + currentEnd.plusDays(1) + " to " + newEnd + " (of a " + term
                        + "-day term)");
    }

    /** {@code quantity} × {@code unitPrice} × this share, rounded once, half-even, to the currency's minor unit. */
    public Money price(BigDecimal unitPrice, int quantity, String currency) {
        return LinePrice.of(PriceDefinition.perUnit(unitPrice.toPlainString()), BigDecimal.valueOf(quantity), currency,
                null, share.compareTo(BigDecimal.ONE) == 0 ? null : share, null).total();
    }
}
