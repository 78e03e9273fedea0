package dev.mercato.pricing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;

class DiscountTest {

    @Test
    void aPercentageHasAtMostTwoDecimalsAndLiesAboveZeroUpToAHundred() {
        assertThat(Discount.percentage("10.15").value()).isEqualByComparingTo("10.15");
        assertThat(Discount.percentage("100").value()).isEqualByComparingTo("100");
        assertThat(Discount.percentage("10.150").value()).isEqualByComparingTo("10.15");
        assertThatThrownBy(() -> Discount.percentage("10.155")).isInstanceOf(PricingException.class)
                .hasMessage("a percentage has at most 2 decimals");
        assertThatThrownBy(() -> Discount.percentage("0")).hasMessage("a percentage must be above 0 and at most 100");
        assertThatThrownBy(() -> Discount.percentage("100.01")).hasMessage("a percentage must be above 0 and at most 100");
    }

    @Test
    void anAmountOffIsAboveZeroInAKnownCurrency() {
        assertThat(Discount.amountOff("5.00", "EUR").currency()).isEqualTo("eur");
        assertThatThrownBy(() -> Discount.amountOff("0", "eur")).hasMessage("an amount off must be above 0");
        assertThatThrownBy(() -> Discount.amountOff("-1", "eur")).hasMessage("must not be negative");
        assertThatThrownBy(() -> Discount.amountOff("5", "xxq")).isInstanceOf(PricingException.class)
                .extracting(e -> ((PricingException) e).field()).isEqualTo("currency");
    }

    @Test
    void partnerSharesAreEachAPercentageWithTwoDecimalsAndTogetherAtMostAHundred() {
        assertThat(new Discount.Shares(new BigDecimal("60.50"), new BigDecimal("39.50"))).isNotNull();
        assertThat(new Discount.Shares(null, null)).isNotNull();
        assertThatThrownBy(() -> new Discount.Shares(new BigDecimal("10.125"), null))
                .hasMessage("has at most 2 decimals")
                .extracting(e -> ((PricingException) e).field()).isEqualTo("partnerSharePercentage");
        assertThatThrownBy(() -> new Discount.Shares(null, new BigDecimal("100.01")))
                .hasMessage("must be between 0 and 100")
                .extracting(e -> ((PricingException) e).field()).isEqualTo("basePartnerSharePercentage");
        assertThatThrownBy(() -> new Discount.Shares(new BigDecimal("-1"), null))
                .extracting(e -> ((PricingException) e).field()).isEqualTo("partnerSharePercentage");
        assertThatThrownBy(() -> new Discount.Shares(new BigDecimal("60"), new BigDecimal("40.01")))
                .hasMessage("together with basePartnerSharePercentage must be at most 100, not 100.01");
    }

    @Test
    void partnersBearTheirShareOfTheAmountTakenOffExactly() {
        Discount.Shares shares = new Discount.Shares(new BigDecimal("12.5"), null);
        Money off = Money.of("10.01", "eur");

        assertThat(shares.partnerAmount(off).amount()).isEqualByComparingTo("1.25125");
        assertThat(shares.basePartnerAmount(off).amount()).isEqualByComparingTo("0");
    }
}
