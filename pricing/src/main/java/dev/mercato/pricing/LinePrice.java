package dev.mercato.pricing;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Objects;

/**
 * One priced line: its list amount, the discount, and the total, all in the line's currency and
 * rounded to its minor unit, with {@code list − discount = total} exactly. The computation is exact
 * until {@link #of}, which rounds once: the total is the exact amount (converted, prorated,
 * discounted) rounded half-even; the discount shown is what separates it from the rounded list amount.
 *
 * @param unitPrice the list amount per unit, exact (not rounded: a price per API call may be 0.0004)
 */
public record LinePrice(BigDecimal quantity, BigDecimal unitPrice, Money list, Money discount, Money total) {

    /**
     * Prices {@code quantity} of {@code definition}, whose prices are in {@code priceCurrency}.
     *
     * @param conversion  to the line's currency, or {@code null} when the prices are in it already
     * @param prorationFactor share of the amount charged (from {@link Term#remainingFraction}), or {@code null} for all of it
     * @param discount    or {@code null}
     */
    public static LinePrice of(PriceDefinition definition, BigDecimal quantity, String priceCurrency,
            Conversion conversion, BigDecimal prorationFactor, Discount discount) {
        Objects.requireNonNull(definition, "definition");
        Money exact = new Money(definition.amountFor(quantity), priceCurrency);
        if (conversion != null) {
            exact = conversion.convert(exact);
        }
        if (prorationFactor != null) {
            exact = exact.times(prorationFactor);
        }
        Money off = discount == null ? Money.zero(exact.currency()) : discount.amountOff(exact);
        Money list = exact.rounded();
        Money total = exact.minus(off).rounded();
        BigDecimal unitPrice = quantity.signum() == 0 || definition.strategy() == PricingStrategy.FLAT
                ? exact.amount()
                : plain(exact.amount().divide(quantity, MathContext.DECIMAL64).stripTrailingZeros());
        return new LinePrice(quantity, unitPrice, list, list.minus(total), total);
    }

    /** Without an exponent: 1100, not 1.1E+3, however many trailing zeros were stripped. */
    private static BigDecimal plain(BigDecimal value) {
        return value.scale() < 0 ? value.setScale(0) : value;
    }
}
