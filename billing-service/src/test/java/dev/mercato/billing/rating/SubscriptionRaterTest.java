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
