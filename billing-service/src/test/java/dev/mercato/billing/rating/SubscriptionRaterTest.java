package dev.mercato.billing.rating;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.mercato.platform.events.PlanChangedV1.PriceDefinitionV1;
import dev.mercato.platform.events.PlanChangedV1.PriceRangeV1;

/** The worked examples of the module README, each to the cent. */
class SubscriptionRaterTest {

    private static final BillingPeriod OCTOBER = BillingPeriod.of(YearMonth.parse("2026-10"), 1);
    private static final ExchangeRates NO_RATES = new ExchangeRates(List.of());

    @Test
    void proratesASeatChangeWithinThePeriod() {
        SubscriptionTerms subscription = subscription("2026-01-01", "2026-12-31", null,
                List.of(new SubscriptionTerms.QuantityChange(LocalDate.parse("2026-01-01"), 10),
                        new SubscriptionTerms.QuantityChange(LocalDate.parse("2026-10-11"), 15)));

        List<RatedLine> lines = SubscriptionRater.rate(new SubscriptionRater.Input(subscription, OCTOBER, 1, "eur", null,
                Map.of(), List.of(), NO_RATES));

        assertThat(lines).extracting(line -> line.price().quantity().intValue(), line -> line.price().total().amount())
                .containsExactly(org.assertj.core.groups.Tuple.tuple(10, new BigDecimal("32.88")),
                        org.assertj.core.groups.Tuple.tuple(15, new BigDecimal("103.56")));
        assertThat(lines.get(0).serviceTo()).isEqualTo(LocalDate.parse("2026-10-11"));
        assertThat(lines.get(0).srpPrice()).isEqualByComparingTo("120.00");
        assertThat(lines.get(0).purPrice()).isEqualByComparingTo("90.00");
    }

    @Test
    void ratesAGraduatedUsageMonth() {
        List<RatedLine> lines = rateUsage(plan("TIERED", "eur"), "eur", NO_RATES);

        assertThat(lines).singleElement().satisfies(line -> {
            assertThat(line.kind()).isEqualTo(RatedLine.USAGE);
            assertThat(line.dimension()).isEqualTo("api_calls");
            assertThat(line.price().total().amount()).isEqualByComparingTo("532.50");
        });
    }

    @Test
    void ratesAVolumeMonth() {
        assertThat(rateUsage(plan("VOLUME", "eur"), "eur", NO_RATES)).singleElement()
                .satisfies(line -> assertThat(line.price().total().amount()).isEqualTo(new BigDecimal("362.50")));
    }

    @Test
    void convertsAtTheRateValidOnTheUsageDateAndRecordsIt() {
        ExchangeRates rates = new ExchangeRates(List.of(
                new ExchangeRates.Rate("usd", "eur", new BigDecimal("0.91"), LocalDate.parse("2026-09-01")),
                new ExchangeRates.Rate("usd", "eur", new BigDecimal("0.9235"), LocalDate.parse("2026-10-15")),
                new ExchangeRates.Rate("usd", "eur", new BigDecimal("0.95"), LocalDate.parse("2026-11-01"))));

        assertThat(rateUsage(plan("TIERED", "usd"), "eur", rates)).singleElement().satisfies(line -> {
            assertThat(line.price().total().amount()).isEqualTo(new BigDecimal("491.76"));
            assertThat(line.price().total().currency()).isEqualTo("eur");
            assertThat(line.exchangeRate()).isEqualByComparingTo("0.9235");
            assertThat(line.rateDate()).isEqualTo(LocalDate.parse("2026-10-31"));
            assertThat(line.priceCurrency()).isEqualTo("usd");
        });
    }

    @Test
    void refusesToRateWithoutARateForThePair() {
        assertThatThrownBy(() -> rateUsage(plan("TIERED", "usd"), "sek", NO_RATES))
                .isInstanceOf(RatingException.class).hasMessageContaining("usd to sek");
    }

    @Test
    void appliesADiscountForItsBillingCyclesOnly() {
        PlanPrices plan = new PlanPrices("pln_1", "org_vendor", "lst_1", 1, "eur", "MONTHLY", Instant.parse("2026-01-01T00:00:00Z"),
                List.of(new PriceDefinitionV1("pd_1", "RECURRING", "UNIT", "seat",
                        List.of(new PriceRangeV1(BigDecimal.ZERO, null, new BigDecimal("49.00"), null, null)), null, false,
                        null, null, null)));
        DiscountRule twoCycles = new DiscountRule("dsc_1", "org_vendor", "PERCENTAGE", new BigDecimal("20"), null, null,
                null, null, null, null, 2, List.of("pln_1"), List.of(), List.of());
        SubscriptionTerms subscription = subscription("2026-08-01", "2027-07-31", "lst_1",
                List.of(new SubscriptionTerms.QuantityChange(LocalDate.parse("2026-08-01"), 3)));

        List<BigDecimal> totals = List.of("2026-08", "2026-09", "2026-10").stream()
                .map(month -> SubscriptionRater.rate(new SubscriptionRater.Input(subscription,
                        BillingPeriod.of(YearMonth.parse(month), 1), 1, "eur", plan, Map.of(), List.of(twoCycles), NO_RATES)))
                .map(lines -> lines.get(0).price().total().amount())
                .toList();

        assertThat(totals).containsExactly(new BigDecimal("117.60"), new BigDecimal("117.60"), new BigDecimal("147.00"));
    }

    @Test
    void convertsWithTheReversePairWhenOnlyItHasARate() {
        ExchangeRates rates = new ExchangeRates(List.of(
                new ExchangeRates.Rate("eur", "usd", new BigDecimal("1.25"), LocalDate.parse("2026-01-01"))));

        assertThat(rateUsage(plan("TIERED", "usd"), "eur", rates)).singleElement().satisfies(line -> {
            assertThat(line.price().total().amount()).isEqualTo(new BigDecimal("426.00")); // 532.50 / 1.25
            assertThat(line.exchangeRate()).isEqualByComparingTo("0.8");
        });
    }

    @Test
    void appliesADiscountOnlyWithinItsUnitLimitsAndAFixedOneInTheInvoiceCurrency() {
        DiscountRule bulk = new DiscountRule("dsc_bulk", "org_vendor", "PERCENTAGE", new BigDecimal("10"), null, null,
                null, null, 10_000L, null, null, List.of(), List.of(), List.of("lst_1"));
        DiscountRule fixed = new DiscountRule("dsc_fixed", "org_vendor", "FIXED_PRICE", null, new BigDecimal("30.00"),
                "eur", null, null, null, 5_000L, null, List.of(), List.of(), List.of("lst_1"));
        SubscriptionTerms subscription = subscription("2026-01-01", "2026-12-31", "lst_1",
                List.of(new SubscriptionTerms.QuantityChange(LocalDate.parse("2026-01-01"), 1)));

        // 7,250 calls: above the fixed discount's 5,000-unit limit, within the bulk one's (from 10,000): none applies
        List<RatedLine> none = SubscriptionRater.rate(new SubscriptionRater.Input(subscription, OCTOBER, 1, "eur",
                plan("TIERED", "eur"), Map.of("api_calls", new BigDecimal("7250")), List.of(bulk, fixed), NO_RATES));
        assertThat(none.getFirst().discountId()).isNull();
        assertThat(none.getFirst().price().total().amount()).isEqualByComparingTo("532.50");

        // 4,000 calls = 340.00: the fixed 30.00 off applies
        List<RatedLine> off = SubscriptionRater.rate(new SubscriptionRater.Input(subscription, OCTOBER, 1, "eur",
                plan("TIERED", "eur"), Map.of("api_calls", new BigDecimal("4000")), List.of(bulk, fixed), NO_RATES));
        assertThat(off.getFirst().discountId()).isEqualTo("dsc_fixed");
        assertThat(off.getFirst().price().list().amount()).isEqualByComparingTo("340.00");
        assertThat(off.getFirst().price().total().amount()).isEqualByComparingTo("310.00");
    }

    @Test
    void chargesOneTimePricesInTheStartingPeriodAndPlanRecurringPricesForTheDaysRun() {
        PlanPrices plan = new PlanPrices("pln_1", "org_vendor", "lst_1", 1, "eur", "MONTHLY", Instant.parse("2026-01-01T00:00:00Z"),
                List.of(new PriceDefinitionV1("pd_setup", "ONE_TIME", "FLAT", null,
                                List.of(new PriceRangeV1(BigDecimal.ZERO, null, new BigDecimal("99.00"), null, null)), null,
                                false, null, null, null),
                        new PriceDefinitionV1("pd_seat", "RECURRING", "UNIT", "seat",
                                List.of(new PriceRangeV1(BigDecimal.ZERO, null, new BigDecimal("31.00"), null, null)), null,
                                false, null, null, null)));
        SubscriptionTerms startsMidOctober = subscription("2026-10-22", "2027-10-21", "lst_1",
                List.of(new SubscriptionTerms.QuantityChange(LocalDate.parse("2026-10-22"), 2)));

        List<RatedLine> october = SubscriptionRater.rate(new SubscriptionRater.Input(startsMidOctober, OCTOBER, 1, "eur",
                plan, Map.of(), List.of(), NO_RATES));
        List<RatedLine> november = SubscriptionRater.rate(new SubscriptionRater.Input(startsMidOctober,
                BillingPeriod.of(YearMonth.parse("2026-11"), 1), 1, "eur", plan, Map.of(), List.of(), NO_RATES));

        // 2 seats × 31.00 × 10 of 31 days = 20.00, and the setup once
        assertThat(october).extracting(RatedLine::kind, line -> line.price().total().amount()).containsExactly(
                org.assertj.core.groups.Tuple.tuple(RatedLine.RECURRING, new BigDecimal("20.00")),
                org.assertj.core.groups.Tuple.tuple(RatedLine.ONE_TIME, new BigDecimal("99.00")));
        assertThat(november).extracting(line -> line.price().total().amount()).containsExactly(new BigDecimal("62.00"));
    }

    @Test
    void billingPeriodsFollowTheBillingDay() {
        BillingPeriod fifteenth = BillingPeriod.of(YearMonth.parse("2026-01"), 31);
        assertThat(fifteenth.start()).isEqualTo(LocalDate.parse("2026-01-31"));
        assertThat(fifteenth.end()).isEqualTo(LocalDate.parse("2026-02-28"));
        assertThat(BillingPeriod.containing(LocalDate.parse("2026-03-10"), 15).name()).isEqualTo("2026-02");
        assertThat(BillingPeriod.parseMonth("2026-13")).isNull();
        assertThat(BillingPeriod.parseMonth("26-01")).isNull();
    }

    private static List<RatedLine> rateUsage(PlanPrices plan, String currency, ExchangeRates rates) {
        SubscriptionTerms subscription = subscription("2026-01-01", "2026-12-31", "lst_1",
                List.of(new SubscriptionTerms.QuantityChange(LocalDate.parse("2026-01-01"), 1)));
        return SubscriptionRater.rate(new SubscriptionRater.Input(subscription, OCTOBER, 1, currency, plan,
                Map.of("api_calls", new BigDecimal("7250")), List.of(), rates));
    }

    private static PlanPrices plan(String strategy, String currency) {
        return new PlanPrices("pln_1", "org_vendor", "lst_1", 1, currency, null, Instant.parse("2026-01-01T00:00:00Z"),
                List.of(new PriceDefinitionV1("pd_1", "USAGE", strategy, "call", List.of(
                        new PriceRangeV1(BigDecimal.ZERO, new BigDecimal("1000"), new BigDecimal("0.10"), null, null),
                        new PriceRangeV1(new BigDecimal("1000"), new BigDecimal("5000"), new BigDecimal("0.08"), null, null),
                        new PriceRangeV1(new BigDecimal("5000"), null, new BigDecimal("0.05"), null, null)),
                        null, false, null, "lst_1", "api_calls")));
    }

    private static SubscriptionTerms subscription(String start, String end, String listingId,
            List<SubscriptionTerms.QuantityChange> quantities) {
        return new SubscriptionTerms("sub_1", "org_tenant", "SKU-1", "Seats", LocalDate.parse(start), LocalDate.parse(end),
                null, quantities, Map.of("eur", new BigDecimal("120.00")), Map.of("eur", new BigDecimal("90.00")), listingId,
                Instant.parse("2026-01-01T00:00:00Z"));
    }
}
