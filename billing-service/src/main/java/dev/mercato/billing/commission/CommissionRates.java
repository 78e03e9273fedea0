package dev.mercato.billing.commission;

import java.math.BigDecimal;

/**
 * The two figures of the commission model an operator sets: the distributor's share of the channel margin
 * when a partner resells under it, and the platform's fee on what the customer pays. Both are fractions from
 * 0 to 1.
 */
public record CommissionRates(BigDecimal distributorShare, BigDecimal platformFee) {

    public CommissionRates {
        requireFraction("mercato.billing.commission.distributor-share", distributorShare);
        requireFraction("mercato.billing.commission.platform-fee", platformFee);
    }

    private static void requireFraction(String key, BigDecimal value) {
        if (value == null || value.signum() < 0 || value.compareTo(BigDecimal.ONE) > 0) {
            throw new IllegalStateException(key + " must be a fraction from 0 to 1, such as 0.3; it is " + value);
        }
    }
}
