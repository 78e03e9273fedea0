package dev.mercato.pricing;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;

class TermTest {

    private final Term year = new Term(LocalDate.parse("2026-01-01"), LocalDate.parse("2027-01-01"));

    @Test
    void chargesTheShareOfTheTermThatAPeriodCovers() {
        // October: 31 of 365 days
        BigDecimal october = year.fractionBetween(LocalDate.parse("2026-10-01"), LocalDate.parse("2026-11-01"));
        assertThat(exact(new BigDecimal("365.00").multiply(october))).isEqualByComparingTo("31");
    }

    @Test
    void clampsThePeriodToTheTerm() {
        BigDecimal lastWeek = year.fractionBetween(LocalDate.parse("2026-12-25"), LocalDate.parse("2027-01-25"));
        assertThat(exact(new BigDecimal("365").multiply(lastWeek))).isEqualByComparingTo("7");
        assertThat(year.fractionBetween(LocalDate.parse("2025-12-01"), LocalDate.parse("2026-01-01"))).isZero();
        assertThat(year.fractionBetween(LocalDate.parse("2027-02-01"), LocalDate.parse("2027-03-01"))).isZero();
    }

    @Test
    void addsUpToTheWholeTermOverConsecutivePeriods() {
        BigDecimal sum = BigDecimal.ZERO;
        for (int month = 1; month <= 12; month++) {
            LocalDate first = LocalDate.of(2026, month, 1);
            sum = sum.add(year.fractionBetween(first, first.plusMonths(1)));
        }
        assertThat(exact(sum)).isEqualByComparingTo("1");
    }

    /** The fraction is exact to 34 digits: compare to 20 decimals. */
    private static BigDecimal exact(BigDecimal value) {
        return value.setScale(20, java.math.RoundingMode.HALF_EVEN);
    }
}
