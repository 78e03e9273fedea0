package dev.mercato.pricing;

import java.math.BigDecimal;

/**
 * One price range: the quantities above {@code from} up to and including {@code upTo} ({@code null}:
 * no upper bound) cost {@code unitPrice} each, and {@code flatAmount} (optional) once when the
 * quantity reaches into the range.
 */
public record Tier(BigDecimal from, BigDecimal upTo, BigDecimal unitPrice, BigDecimal flatAmount) {

    public static Tier of(String from, String upTo, String unitPrice) {
        return new Tier(new BigDecimal(from), upTo == null ? null : new BigDecimal(upTo), new BigDecimal(unitPrice), null);
    }

    public Tier withFlatAmount(String amount) {
        return new Tier(from, upTo, unitPrice, new BigDecimal(amount));
    }

    boolean contains(BigDecimal quantity) {
        return quantity.compareTo(from) > 0 && (upTo == null || quantity.compareTo(upTo) <= 0);
    }

    BigDecimal flat() {
        return flatAmount == null ? BigDecimal.ZERO : flatAmount;
    }
}
