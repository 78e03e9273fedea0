package dev.mercato.pricing;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;

class ConversionTest {

    @Test
    void multipliesByADirectRate() {
        assertThat(Conversion.of("eur", "sek", "11.5").convert(Money.of("10.00", "eur")).rounded())
                .isEqualTo(Money.of("115.00", "sek"));
    }

    @Test
    void dividesByTheReversePairsRateAndRoundsOnceAtTheEnd() {
        Conversion sekToEur = Conversion.inverseOf("sek", "eur", new BigDecimal("11.5"));
        // 100 / 11.5 = 8.69565217…: exact until the line rounds it.
        assertThat(sekToEur.convert(Money.of("100", "sek")).amount().toPlainString()).startsWith("8.695652173913043478260869565217");
        assertThat(sekToEur.convert(Money.of("100", "sek")).rounded()).isEqualTo(Money.of("8.70", "eur"));
    }

    @Test
    void convertsIntoACurrencyWithoutDecimals() {
        assertThat(Conversion.of("eur", "jpy", "161.2349").convert(Money.of("3.10", "eur")).rounded())
                .isEqualTo(Money.of("500", "jpy"));
    }
}
