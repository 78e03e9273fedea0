package dev.mercato.metering.balance;

import java.math.BigDecimal;

/** Token amounts as shown: exact, without the zeros a column's scale adds (1000, not 1000.000000). */
final class Tokens {

    private Tokens() {
    }

    static BigDecimal exact(BigDecimal value) {
        if (value == null) {
            return null;
        }
        BigDecimal stripped = value.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }
}
