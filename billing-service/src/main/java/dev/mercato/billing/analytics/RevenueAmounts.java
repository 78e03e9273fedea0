package dev.mercato.billing.analytics;

import java.math.BigDecimal;

import dev.mercato.pricing.Conversion;
import dev.mercato.pricing.Money;

/** One currency's exact (unrounded) revenue figures of a month, gathered subscription by subscription. */
final class RevenueAmounts {

    private static final BigDecimal MONTHS_PER_YEAR = BigDecimal.valueOf(12);

    private final String currency;
    private BigDecimal mrr = BigDecimal.ZERO;
    private BigDecimal newMrr = BigDecimal.ZERO;
    private BigDecimal expansion = BigDecimal.ZERO;
    private BigDecimal contraction = BigDecimal.ZERO;
    private BigDecimal churned = BigDecimal.ZERO;

    RevenueAmounts(String currency) {
        this.currency = currency;
    }

    /** Adds a subscription's MRR at the month's end. */
    void addMrr(BigDecimal amount) {
        mrr = mrr.add(amount);
    }

    /** Adds the movement of a subscription's MRR from {@code before} (the previous month's end) to {@code after}. */
    void addMovement(BigDecimal before, BigDecimal after) {
        int change = after.compareTo(before);
        if (change == 0) {
            return;
        }
        if (before.signum() == 0) {
            newMrr = newMrr.add(after);
        } else if (after.signum() == 0) {
            churned = churned.add(before);
        } else if (change > 0) {
            expansion = expansion.add(after.subtract(before));
        } else {
            contraction = contraction.add(before.subtract(after));
        }
    }

    /** Adds {@code other}'s figures, converted by {@code conversion} when it is in another currency. */
    void addConverted(RevenueAmounts other, Conversion conversion) {
        mrr = mrr.add(convert(other.mrr, other.currency, conversion));
        newMrr = newMrr.add(convert(other.newMrr, other.currency, conversion));
        expansion = expansion.add(convert(other.expansion, other.currency, conversion));
        contraction = contraction.add(convert(other.contraction, other.currency, conversion));
        churned = churned.add(convert(other.churned, other.currency, conversion));
    }

    /** The figures, each rounded once, half-even, to the currency's minor unit. */
    RevenueResponse.Figures figures() {
        return new RevenueResponse.Figures(rounded(mrr), rounded(mrr.multiply(MONTHS_PER_YEAR)), rounded(newMrr),
                rounded(expansion), rounded(contraction), rounded(churned));
    }

    private static BigDecimal convert(BigDecimal amount, String from, Conversion conversion) {
        return conversion == null ? amount : conversion.convert(new Money(amount, from)).amount();
    }

    private BigDecimal rounded(BigDecimal amount) {
        return new Money(amount, currency).rounded().amount();
    }
}
