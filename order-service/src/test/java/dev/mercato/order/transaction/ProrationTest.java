package dev.mercato.order.transaction;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;

/** The worked examples of the module README, "Proration and co-terming", one test each. */
class ProrationTest {

    private static String price(Proration proration, String unitPrice, int quantity, String currency) {
        return proration.price(new BigDecimal(unitPrice), quantity, currency).amount().toPlainString();
    }

    @Test
    void addSeatPaysTheDaysLeftOfTheSubscription() {
        // A subscription of 2026 (365 days); 3 seats added on 20 October: 73 days left (20 Oct – 31 Dec).
        Proration proration = Proration.restOfTerm(LocalDate.parse("2026-01-01"), LocalDate.parse("2026-12-31"),
                LocalDate.parse("2026-10-20"));
        assertThat(proration.share()).isEqualByComparingTo("0.2");
        assertThat(price(proration, "400", 3, "eur")).isEqualTo("240.00");
        assertThat(proration.words()).isEqualTo(" for the rest of the term from 2026-10-20 to 2026-12-31");
    }

    @Test
    void addProductIsCotermedToTheContractAndPaysItsRest() {
        // Contract 15 March 2026 – 14 March 2027 (365 days); 2 × 94.00 added on 1 December: 104 days left,
        // 188 × 104 / 365 = 53.5671… → 53.57.
        Proration proration = Proration.restOfTerm(LocalDate.parse("2026-03-15"), LocalDate.parse("2027-03-14"),
                LocalDate.parse("2026-12-01"));
        assertThat(price(proration, "94.00", 2, "eur")).isEqualTo("53.57");
    }

    @Test
    void extendPaysTheDaysAddedAsAShareOfTheContractsTerm() {
        // A 12-month contract of 2026 co-termed with another contract of the customer ending 31 March 2027:
        // 90 days added of a 365-day term, 1,100 × 90 / 365 = 271.2328… → 271.23.
        Proration proration = Proration.extension(LocalDate.parse("2026-01-01"), 12, LocalDate.parse("2026-12-31"),
                LocalDate.parse("2027-03-31"));
        assertThat(price(proration, "1100", 1, "eur")).isEqualTo("271.23");
        assertThat(proration.words()).isEqualTo(" for the 90 days from 2027-01-01 to 2027-03-31 (of a 365-day term)");
    }

    @Test
    void aLeapYearTermHas366Days() {
        // 12 months from 1 March 2027 end on 29 February 2028: 366 days; 61 days added → 1,100 × 61 / 366 = 183.33.
        Proration proration = Proration.extension(LocalDate.parse("2027-03-01"), 12, LocalDate.parse("2028-02-29"),
                LocalDate.parse("2028-04-30"));
        assertThat(price(proration, "1100", 1, "eur")).isEqualTo("183.33");
    }

    @Test
    void anOrderBeforeTheTermStartsPaysTheWholeTermAndOnTheLastDayOneDay() {
        LocalDate start = LocalDate.parse("2027-01-01");
        LocalDate lastDay = LocalDate.parse("2027-12-31");
        assertThat(price(Proration.restOfTerm(start, lastDay, LocalDate.parse("2026-12-01")), "365", 1, "eur"))
                .isEqualTo("365.00");
        assertThat(price(Proration.restOfTerm(start, lastDay, lastDay), "365", 1, "eur")).isEqualTo("1.00");
    }

    @Test
    void roundsOnceHalfEvenToTheCurrencysMinorUnit() {
        // Half of a 10-day term: 0.25 → 0.125 → 0.12 (to even), 0.35 → 0.175 → 0.18; yen has no minor unit.
        Proration half = Proration.restOfTerm(LocalDate.parse("2026-01-01"), LocalDate.parse("2026-01-10"),
                LocalDate.parse("2026-01-06"));
        assertThat(price(half, "0.25", 1, "eur")).isEqualTo("0.12");
        assertThat(price(half, "0.35", 1, "eur")).isEqualTo("0.18");
        assertThat(price(half, "125", 1, "jpy")).isEqualTo("62");
    }

    @Test
    void aNewTermPaysTheWholePrice() {
        assertThat(price(Proration.NONE, "94.00", 2, "eur")).isEqualTo("188.00");
        assertThat(Proration.NONE.words()).isEmpty();
    }
}
