package dev.mercato.platform.validation;

import java.util.Locale;
import java.util.Set;

/** ISO code checks the validation rules need: countries (3166-1 alpha-2) and languages (639-1). */
public final class IsoCodes {

    private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());
    private static final Set<String> LANGUAGES = Set.of(Locale.getISOLanguages());

    private IsoCodes() {
    }

    /** Whether {@code code} is an upper-case ISO 3166-1 alpha-2 country code, e.g. {@code FI}. */
    public static boolean isCountry(String code) {
        return code != null && code.length() == 2 && code.equals(code.toUpperCase(Locale.ROOT)) && COUNTRIES.contains(code);
    }

    /** Whether {@code code} is a lower-case ISO 639-1 language code, e.g. {@code en}. */
    public static boolean isLanguage(String code) {
        return code != null && code.length() == 2 && code.equals(code.toLowerCase(Locale.ROOT)) && LANGUAGES.contains(code);
    }
}
