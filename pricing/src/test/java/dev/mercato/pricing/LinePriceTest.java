package dev.mercato.pricing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

class LinePriceTest {

    @Test
    void aLineIsPricedExactlyAndRoundedOnceHalfEven() {
        // 3 × 0.125 = 0.375 → 0.38 (half-even keeps 0.375 → 0.38 since 7 is odd); 0.125 alone → 0.12
        LinePrice three = LinePrice.of(PriceDefinition.perUnit("0.125"), qty("3"), "eur", null, null, null);
        LinePrice one = LinePrice.of(PriceDefinition.perUnit("0.125"), qty("1"), "eur", null, null, null);

        assertThat(three.total()).isEqualTo(Money.of("0.38", "eur"));
        assertThat(one.total()).isEqualTo(Money.of("0.12", "eur"));
        assertThat(three.unitPrice()).isEqualByComparingTo("0.125");
    }

    @Test
    void writesAUnitPriceWithoutAnExponent() {
        LinePrice line = LinePrice.of(PriceDefinition.perUnit("1100"), qty("3"), "eur", null, null, null);

        assertThat(line.unitPrice().toString()).isEqualTo("1100");
    }

    @Test
    void roundsToEachCurrencysMinorUnit() {
        PriceDefinition price = PriceDefinition.perUnit("10.5555");

        assertThat(LinePrice.of(price, qty("1"), "jpy", null, null, null).total()).isEqualTo(Money.of("11", "jpy"));
        assertThat(LinePrice.of(price, qty("1"), "kwd", null, null, null).total()).isEqualTo(Money.of("10.556", "kwd"));
        assertThat(LinePrice.of(price, qty("1"), "usd", null, null, null).total()).isEqualTo(Money.of("10.56", "usd"));
    }

    @Test
    void convertsThenDiscountsThenRoundsAndTheLineAddsUp() {
        PriceDefinition price = PriceDefinition.perUnit("19.99");

        LinePrice line = LinePrice.of(price, qty("3"), "usd", Conversion.of("usd", "eur", "0.9235"),
                null, Discount.percentage("12.5"));

        // 59.97 usd × 0.9235 = 55.382295 eur; 12.5 % off = 6.922786875; total 48.459508125 → 48.46
        assertThat(line.list()).isEqualTo(Money.of("55.38", "eur"));
        assertThat(line.total()).isEqualTo(Money.of("48.46", "eur"));
        assertThat(line.discount()).isEqualTo(Money.of("6.92", "eur"));
        assertThat(line.list().minus(line.discount())).isEqualTo(line.total());
    }

    @Test
    void aFixedDiscountNeverTakesMoreThanTheLine() {
        LinePrice line = LinePrice.of(PriceDefinition.perUnit("5.00"), qty("2"), "eur", null, null,
                Discount.amountOff("25.00", "eur"));

        assertThat(line.total()).isEqualTo(Money.of("0.00", "eur"));
        assertThat(line.discount()).isEqualTo(Money.of("10.00", "eur"));
        assertThatThrownBy(() -> LinePrice.of(PriceDefinition.perUnit("5.00"), qty("2"), "eur", null, null,
                Discount.amountOff("1.00", "usd"))).isInstanceOf(PricingException.class);
    }

    @Test
    void prorationChargesTheRemainingShareOfTheTerm() {
        Term year = new Term(LocalDate.parse("2026-01-01"), LocalDate.parse("2027-01-01"));

        LinePrice addSeats = LinePrice.of(PriceDefinition.perUnit("365.00"), qty("2"), "usd", null,
                year.remainingFraction(LocalDate.parse("2026-10-20")), null);

        assertThat(addSeats.total()).isEqualTo(Money.of("146.00", "usd")); // 2 × 365 × 73/365
        assertThat(year.remainingFraction(LocalDate.parse("2025-06-01"))).isEqualByComparingTo("1");
        assertThat(year.remainingFraction(LocalDate.parse("2027-03-01"))).isEqualByComparingTo("0");
    }

    @Test
    void refusesPercentagesWithThreeDecimalsAndUnknownCurrencies() {
        assertThatThrownBy(() -> Discount.percentage("10.125")).hasMessage("a percentage has at most 2 decimals");
        assertThatThrownBy(() -> Discount.percentage("0")).isInstanceOf(PricingException.class);
        assertThatThrownBy(() -> Discount.percentage("100.01")).isInstanceOf(PricingException.class);
        assertThatThrownBy(() -> Money.of("1", "xyz")).isInstanceOf(PricingException.class);
        assertThatThrownBy(() -> Conversion.of("usd", "eur", "0")).isInstanceOf(PricingException.class);
    }

    @Test
    void quoteTotalsAreTheSumOfRoundedLines() {
        List<LinePrice> lines = List.of(
                LinePrice.of(PriceDefinition.perUnit("0.125"), qty("1"), "eur", null, null, null),
                LinePrice.of(PriceDefinition.perUnit("0.125"), qty("1"), "eur", null, null, null),
                LinePrice.of(PriceDefinition.perUnit("0.125"), qty("1"), "eur", null, null, null));

        assertThat(QuoteTotals.of("eur", lines).total()).isEqualTo(Money.of("0.36", "eur"));
    }

    private static BigDecimal qty(String value) {
        return new BigDecimal(value);
    }
}
