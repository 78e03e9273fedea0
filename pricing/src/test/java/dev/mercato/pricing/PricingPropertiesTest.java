package dev.mercato.pricing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/** Properties of the strategies over tier boundaries, zero and maximum quantities, and 0-, 2- and 3-decimal currencies. */
class PricingPropertiesTest {

    @Property
    void graduatedNeverDecreasesAndEachUnitCostsItsTiersPrice(@ForAll("tierLists") List<Tier> tiers,
            @ForAll @IntRange(min = 0, max = 5_000) int quantity) {
        PriceDefinition graduated = new PriceDefinition(PricingStrategy.TIERED, tiers, null, false, null);
        BigDecimal q = BigDecimal.valueOf(quantity);
        BigDecimal next = q.add(BigDecimal.ONE);

        BigDecimal step = graduated.amountFor(next).subtract(graduated.amountFor(q));

        assertThat(step).isEqualByComparingTo(tierOf(tiers, next).unitPrice());
        assertThat(step.signum()).isGreaterThanOrEqualTo(0);
    }

    @Property
    void graduatedAtATierBoundaryIsTheSumOfTheFullTiers(@ForAll("tierLists") List<Tier> tiers) {
        PriceDefinition graduated = new PriceDefinition(PricingStrategy.TIERED, tiers, null, false, null);
        BigDecimal sum = BigDecimal.ZERO;
        for (Tier tier : tiers) {
            if (tier.upTo() == null) {
                break;
            }
            sum = sum.add(tier.upTo().subtract(tier.from()).multiply(tier.unitPrice()));
            assertThat(graduated.amountFor(tier.upTo())).isEqualByComparingTo(sum);
        }
    }

    @Property
    void volumePricesTheWholeQuantityAtOneTier(@ForAll("tierLists") List<Tier> tiers,
            @ForAll @IntRange(min = 1, max = 5_000) int quantity) {
        PriceDefinition volume = new PriceDefinition(PricingStrategy.VOLUME, tiers, null, false, null);
        BigDecimal q = BigDecimal.valueOf(quantity);

        assertThat(volume.amountFor(q)).isEqualByComparingTo(q.multiply(tierOf(tiers, q).unitPrice()));
        assertThat(volume.amountFor(BigDecimal.ZERO)).isEqualByComparingTo("0");
    }

    @Property
    void packageChargesEveryStartedPackage(@ForAll @IntRange(min = 1, max = 1_000) int size,
            @ForAll @IntRange(min = 0, max = 1_000) int packages, @ForAll @IntRange(min = 0, max = 999) int rest) {
        int remainder = rest % size;
        PriceDefinition packs = PriceDefinition.perPackage(Integer.toString(size), "7.25");
        BigDecimal quantity = BigDecimal.valueOf((long) packages * size + remainder);
        int started = packages + (remainder > 0 ? 1 : 0);

        assertThat(packs.amountFor(quantity)).isEqualByComparingTo(new BigDecimal("7.25").multiply(BigDecimal.valueOf(started)));
    }

    @Property
    void aLineIsRoundedToItsCurrencyAndAddsUp(@ForAll("prices") BigDecimal unitPrice,
            @ForAll @IntRange(min = 0, max = 1_000_000) int quantity, @ForAll("currencies") String currency,
            @ForAll @IntRange(min = 1, max = 10_000) int percentHundredths) {
        Discount discount = new Discount(Discount.DiscountType.PERCENTAGE, BigDecimal.valueOf(percentHundredths, 2), null);

        LinePrice line = LinePrice.of(PriceDefinition.perUnit(unitPrice.toPlainString()), BigDecimal.valueOf(quantity),
                currency, null, null, discount);

        int minor = Currencies.minorUnits(currency);
        assertThat(line.total().amount().scale()).isEqualTo(minor);
        assertThat(line.list().amount().scale()).isEqualTo(minor);
        assertThat(line.list().minus(line.discount())).isEqualTo(line.total());
        assertThat(line.total().amount()).isLessThanOrEqualTo(line.list().amount());
        assertThat(line.total().amount().signum()).isGreaterThanOrEqualTo(0);
    }

    @Property
    void theHighestQuantityAtTheHighestPriceIsStillExact(@ForAll("currencies") String currency) {
        PriceDefinition price = PriceDefinition.perUnit(PriceDefinition.MAX_PRICE.toPlainString());

        LinePrice line = LinePrice.of(price, PriceDefinition.MAX_QUANTITY, currency, null, null, null);

        assertThat(line.total().amount()).isEqualByComparingTo(PriceDefinition.MAX_PRICE.multiply(PriceDefinition.MAX_QUANTITY));
        assertThatThrownBy(() -> price.amountFor(PriceDefinition.MAX_QUANTITY.add(BigDecimal.ONE)))
                .isInstanceOf(PricingException.class);
    }

    @Property
    void rangesWithAGapOrAnOverlapAreAlwaysRefused(@ForAll("tierLists") List<Tier> tiers,
            @ForAll @IntRange(min = 1, max = 3) int shift, @ForAll boolean overlap) {
        if (tiers.size() < 2) {
            return;
        }
        List<Tier> broken = new ArrayList<>(tiers);
        Tier second = broken.get(1);
        BigDecimal moved = overlap ? second.from().subtract(BigDecimal.valueOf(shift)) : second.from().add(BigDecimal.valueOf(shift));
        broken.set(1, new Tier(moved, second.upTo() == null ? null : second.upTo().add(BigDecimal.TEN), second.unitPrice(), null));

        assertThatThrownBy(() -> new PriceDefinition(PricingStrategy.TIERED, broken, null, false, null))
                .isInstanceOf(PricingException.class).extracting("field").isEqualTo("priceRanges[1].min");
    }

    @Provide
    Arbitrary<List<Tier>> tierLists() {
        Arbitrary<List<Integer>> widths = Arbitraries.integers().between(1, 500).list().ofMinSize(0).ofMaxSize(5);
        Arbitrary<List<BigDecimal>> prices = prices().list().ofSize(6);
        return Combinators.combine(widths, prices).as((w, p) -> {
            List<Tier> tiers = new ArrayList<>();
            BigDecimal from = BigDecimal.ZERO;
            for (int i = 0; i < w.size(); i++) {
                BigDecimal upTo = from.add(BigDecimal.valueOf(w.get(i)));
                tiers.add(new Tier(from, upTo, p.get(i), null));
                from = upTo;
            }
            tiers.add(new Tier(from, null, p.get(w.size()), null));
            return tiers;
        });
    }

    @Provide
    Arbitrary<BigDecimal> prices() {
        return Arbitraries.bigDecimals().between(BigDecimal.ZERO, new BigDecimal("100000")).ofScale(4);
    }

    @Provide
    Arbitrary<String> currencies() {
        return Arbitraries.of("jpy", "eur", "usd", "kwd", "bhd", "chf");
    }

    private static Tier tierOf(List<Tier> tiers, BigDecimal quantity) {
        return tiers.stream().filter(t -> t.contains(quantity)).findFirst().orElseThrow();
    }
}
