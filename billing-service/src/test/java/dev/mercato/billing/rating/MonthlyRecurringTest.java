package dev.mercato.billing.rating;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.mercato.platform.events.PlanChangedV1.PriceDefinitionV1;
import dev.mercato.platform.events.PlanChangedV1.PriceRangeV1;

/** A subscription's MRR on a day, with rating's prices and discounts. */
class MonthlyRecurringTest {

    @Test
    void termMonthsAreWholeCalendarMonthsPlusTheShareOfTheMonthLeft() {
        assertThat(MonthlyRecurring.termMonths(day("2026-01-01"), day("2026-12-31"))).isEqualByComparingTo("12");
        assertThat(MonthlyRecurring.termMonths(day("2026-01-15"), day("2027-01-14"))).isEqualByComparingTo("12");
        assertThat(MonthlyRecurring.termMonths(day("2026-01-15"), day("2026-03-31")))
                .isEqualByComparingTo(BigDecimal.valueOf(2).add(BigDecimal.valueOf(17).divide(BigDecimal.valueOf(31),
                        MathContext.DECIMAL128)));
    }

    @Test
    void srpIsSpreadOverTheTermAtTheQuantityOfTheDayAndNothingOutsideTheTerm() {
        SubscriptionTerms subscription = new SubscriptionTerms("sub_1", "org_t", "SKU-1", null, day("2026-01-01"),
                day("2026-12-31"), day("2026-09-10"), List.of(new SubscriptionTerms.QuantityChange(day("2026-01-01"), 10),
                        new SubscriptionTerms.QuantityChange(day("2026-03-05"), 4)),
                Map.of("usd", new BigDecimal("90"), "eur", new BigDecimal("120.00")), Map.of(), null, Instant.EPOCH);
        assertThat(MonthlyRecurring.on(day("2026-02-28"), subscription, null, 1, "eur", List.of()).amount())
                .isEqualByComparingTo("100");
        assertThat(MonthlyRecurring.on(day("2026-03-31"), subscription, null, 1, "usd", List.of()).amount())
                .isEqualByComparingTo("30");
        assertThat(MonthlyRecurring.on(day("2026-09-10"), subscription, null, 1, "eur", List.of())).isNull();
        assertThat(MonthlyRecurring.on(day("2025-12-31"), subscription, null, 1, "eur", List.of())).isNull();
    }

    @Test
    void planRecurringPricesPerMonthAfterTheDiscountOfThatCycle() {
        PlanPrices plan = new PlanPrices("pln_1", "org_vendor", "lst_1", 1, "eur", "YEARLY", Instant.EPOCH,
                List.of(new PriceDefinitionV1("pd_1", "RECURRING", "UNIT", "seat",
                        List.of(new PriceRangeV1(BigDecimal.ZERO, null, new BigDecimal("120.00"), null, null)), null, false,
                        null, null, null),
                        new PriceDefinitionV1("pd_2", "ONE_TIME", "FLAT", "setup",
                                List.of(new PriceRangeV1(BigDecimal.ZERO, null, new BigDecimal("500.00"), null, null)), null,
                                false, null, null, null)));
        DiscountRule quarterOff = new DiscountRule("dsc_1", "org_vendor", "PERCENTAGE", new BigDecimal("25"), null, null,
                null, null, null, null, 1, List.of("pln_1"), List.of(), List.of());
        SubscriptionTerms subscription = new SubscriptionTerms("sub_2", "org_t", null, null, day("2026-05-20"),
                day("2027-05-19"), null, List.of(new SubscriptionTerms.QuantityChange(day("2026-05-20"), 3)), Map.of(),
                Map.of(), "lst_1", Instant.EPOCH);
        // 3 × 120 / 12 = 30 a month; the first billing cycle (billing day 15: 2026-05-15 – 2026-06-15) takes 25 % off
        assertThat(MonthlyRecurring.on(day("2026-05-31"), subscription, plan, 15, "eur", List.of(quarterOff)).amount())
                .isEqualByComparingTo("22.5");
        assertThat(MonthlyRecurring.on(day("2026-06-30"), subscription, plan, 15, "eur", List.of(quarterOff)).amount())
                .isEqualByComparingTo("30");
    }

    private static LocalDate day(String text) {
        return LocalDate.parse(text);
    }
}
