package dev.mercato.pricing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The worked examples of the module's README, one per strategy, and the refusals. */
class PriceDefinitionTest {

    private static final Tier[] THREE_TIERS = {
        Tier.of("0", "10", "5.00"), Tier.of("10", "50", "4.00"), Tier.of("50", null, "3.00") };

    @Test
    void graduatedPricesEachUnitAtItsTiersPrice() {
        PriceDefinition graduated = PriceDefinition.tiered(PricingStrategy.TIERED, THREE_TIERS);

        assertThat(graduated.amountFor(qty("60"))).isEqualByComparingTo("240.00"); // 10×5 + 40×4 + 10×3
        assertThat(graduated.amountFor(qty("10"))).isEqualByComparingTo("50.00");
        assertThat(graduated.amountFor(qty("11"))).isEqualByComparingTo("54.00");
        assertThat(graduated.amountFor(qty("0"))).isEqualByComparingTo("0");
    }

    @Test
    void volumePricesEveryUnitAtTheTierTheTotalFallsIn() {
        PriceDefinition volume = PriceDefinition.tiered(PricingStrategy.VOLUME, THREE_TIERS);

        assertThat(volume.amountFor(qty("60"))).isEqualByComparingTo("180.00");
        assertThat(volume.amountFor(qty("50"))).isEqualByComparingTo("200.00");
        assertThat(volume.amountFor(qty("51"))).isEqualByComparingTo("153.00");
        assertThat(volume.amountFor(qty("10"))).isEqualByComparingTo("50.00");
    }

    @Test
    void packagePricesEveryStartedPackage() {
        PriceDefinition packs = PriceDefinition.perPackage("10", "25.00");

        assertThat(packs.amountFor(qty("25"))).isEqualByComparingTo("75.00");
        assertThat(packs.amountFor(qty("30"))).isEqualByComparingTo("75.00");
        assertThat(packs.amountFor(qty("1"))).isEqualByComparingTo("25.00");
        assertThat(packs.amountFor(qty("0"))).isEqualByComparingTo("0");
    }

    @Test
    void flatIsOneAmountWhateverTheQuantityAndUnitMultiplies() {
        assertThat(PriceDefinition.flat("3.00").amountFor(qty("7"))).isEqualByComparingTo("3.00");
        assertThat(PriceDefinition.perUnit("4.0000000000").amountFor(qty("5"))).isEqualByComparingTo("20");
    }

    @Test
    void aTiersFlatAmountIsChargedOnceTheQuantityReachesIt() {
        PriceDefinition graduated = PriceDefinition.tiered(PricingStrategy.TIERED,
                Tier.of("0", "10", "0").withFlatAmount("20.00"), Tier.of("10", null, "1.50").withFlatAmount("5.00"));
        PriceDefinition volume = PriceDefinition.tiered(PricingStrategy.VOLUME,
                Tier.of("0", "10", "0").withFlatAmount("20.00"), Tier.of("10", null, "1.50").withFlatAmount("5.00"));

        assertThat(graduated.amountFor(qty("4"))).isEqualByComparingTo("20.00");
        assertThat(graduated.amountFor(qty("12"))).isEqualByComparingTo("28.00"); // 20 + 5 + 2×1.50
        assertThat(volume.amountFor(qty("12"))).isEqualByComparingTo("23.00");   // 5 + 12×1.50
    }

    @Test
    void usagePricesTakeDecimalQuantitiesWhenAllowed() {
        PriceDefinition perGigabyte = PriceDefinition.perUnit("0.0004").withFractionalQuantities();

        assertThat(perGigabyte.amountFor(qty("1234.5"))).isEqualByComparingTo("0.4938");
        assertThatThrownBy(() -> PriceDefinition.perUnit("1").amountFor(qty("1.5")))
                .isInstanceOf(PricingException.class).hasMessage("must be a whole number");
    }

    @Test
    void quantitiesComeInTheIncrement() {
        PriceDefinition fivePacks = PriceDefinition.perUnit("4.00").withIncrement("5");

        assertThat(fivePacks.amountFor(qty("10"))).isEqualByComparingTo("40.00");
        assertThatThrownBy(() -> fivePacks.amountFor(qty("7"))).hasMessage("must be a multiple of 5");
    }

    @Test
    void refusesRangesThatOverlapLeaveGapsOrEndBeforeTheyStart() {
        assertRefused(List.of(Tier.of("0", "10", "1"), Tier.of("9", null, "1")), "priceRanges[1].min");
        assertRefused(List.of(Tier.of("0", "10", "1"), Tier.of("11", null, "1")), "priceRanges[1].min");
        assertRefused(List.of(Tier.of("1", null, "1")), "priceRanges[0].min");
        assertRefused(List.of(Tier.of("0", "0", "1")), "priceRanges[0].max");
        assertRefused(List.of(Tier.of("0", null, "1"), Tier.of("10", null, "1")), "priceRanges[0].max");
        assertRefused(List.of(Tier.of("0", null, "-1")), "priceRanges[0].price");
        assertRefused(List.of(Tier.of("0", null, "10000000000")), "priceRanges[0].price");
        assertRefused(List.of(Tier.of("0", null, "0.00000000001")), "priceRanges[0].price");
        assertRefused(List.of(), "priceRanges");
    }

    @Test
    void refusesAPriceBesideADefinitionByTheSameBoundsAsARangesPrice() {
        PriceDefinition.validatePrice("wholeSalePrice", new BigDecimal("3.5"));

        assertThatThrownBy(() -> PriceDefinition.validatePrice("wholeSalePrice", new BigDecimal("-0.01")))
                .isInstanceOf(PricingException.class).extracting("field").isEqualTo("wholeSalePrice");
        assertThatThrownBy(() -> PriceDefinition.validatePrice("wholeSalePrice", new BigDecimal("1000000000.01")))
                .isInstanceOf(PricingException.class).hasMessageContaining("at most");
        assertThatThrownBy(() -> PriceDefinition.validatePrice("wholeSalePrice", new BigDecimal("0.00000000001")))
                .isInstanceOf(PricingException.class).hasMessageContaining("decimals");
    }

    @Test
    void refusesQuantitiesItCannotPrice() {
        PriceDefinition bounded = PriceDefinition.tiered(PricingStrategy.VOLUME, Tier.of("0", "5", "4"));

        assertThatThrownBy(() -> bounded.amountFor(qty("6"))).isInstanceOf(PricingException.class)
                .hasMessageContaining("at most 5");
        assertThatThrownBy(() -> bounded.amountFor(qty("-1"))).hasMessage("must not be negative");
        assertThatThrownBy(() -> bounded.amountFor(null)).hasMessage("is required");
    }

    @Test
    void aPackagePriceNeedsAPackageSizeAndOthersMustNotHaveOne() {
        assertThatThrownBy(() -> new PriceDefinition(PricingStrategy.PACKAGE, List.of(Tier.of("0", null, "1")), null, false, null))
                .isInstanceOf(PricingException.class).extracting("field").isEqualTo("packageSize");
        assertThatThrownBy(() -> new PriceDefinition(PricingStrategy.UNIT, List.of(Tier.of("0", null, "1")), BigDecimal.TEN, false, null))
                .extracting("field").isEqualTo("packageSize");
        assertThatThrownBy(() -> PriceDefinition.tiered(PricingStrategy.UNIT, THREE_TIERS))
                .extracting("field").isEqualTo("priceRanges");
    }

    @Test
    void refusesRangeBoundsPackageSizesAndIncrementsFinerThanTenDecimals() {
        BigDecimal tiny = new BigDecimal("1e-999999");
        assertRefused(List.of(new Tier(BigDecimal.ZERO, tiny, BigDecimal.ONE, null), Tier.of("1", null, "1")),
                "priceRanges[0].max");
        assertThatThrownBy(() -> new PriceDefinition(PricingStrategy.PACKAGE, List.of(Tier.of("0", null, "1")), tiny, true, null))
                .isInstanceOf(PricingException.class).extracting("field").isEqualTo("packageSize");
        assertThatThrownBy(() -> new PriceDefinition(PricingStrategy.UNIT, List.of(Tier.of("0", null, "1")), null, true,
                new BigDecimal("0.00000000001"))).isInstanceOf(PricingException.class).extracting("field").isEqualTo("increment");
        new PriceDefinition(PricingStrategy.UNIT, List.of(Tier.of("0", "0.0000000001", "1")), null, true,
                new BigDecimal("0.0000000001"));
    }

    private static void assertRefused(List<Tier> tiers, String field) {
        assertThatThrownBy(() -> new PriceDefinition(PricingStrategy.TIERED, tiers, null, false, null))
                .isInstanceOf(PricingException.class).extracting("field").isEqualTo(field);
    }

    private static BigDecimal qty(String value) {
        return value == null ? null : new BigDecimal(value);
    }
}
