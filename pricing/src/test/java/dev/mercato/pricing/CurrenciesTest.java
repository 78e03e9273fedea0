package dev.mercato.pricing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class CurrenciesTest {

    @Test
    void writesCodesInLowerCase() {
        assertThat(Currencies.normalize("EUR", "currency")).isEqualTo("eur");
        assertThat(Currencies.minorUnits("jpy")).isZero();
        assertThat(Currencies.minorUnits("kwd")).isEqualTo(3);
    }

    @Test
    void refusesUnknownCodesAndCodesWithoutAMinorUnitNamingTheField() {
        for (String code : new String[] {"QQQ", "XXX", "XAU", "eu", "euro", "", "e1r"}) {
            assertThatThrownBy(() -> Currencies.normalize(code, "purPrice"))
                    .isInstanceOf(PricingException.class)
                    .satisfies(e -> assertThat(((PricingException) e).field()).isEqualTo("purPrice"));
        }
    }
}
