package dev.mercato.console.web;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What the user typed into a form, by field name, stripped: shown again when the API refuses it, and sent as typed
 * (a blank field is left out of the request, so the API applies its own default or keeps the value).
 */
public record FormValues(Map<String, String> values) {

    public static final FormValues EMPTY = new FormValues(Map.of());

    /** The values of {@code nameValuePairs} (name, value, name, value, …); a null value counts as blank. */
    public static FormValues of(String... nameValuePairs) {
        Map<String, String> values = new LinkedHashMap<>();
        for (int i = 0; i < nameValuePairs.length; i += 2) {
            String value = nameValuePairs[i + 1];
            values.put(nameValuePairs[i], value == null ? "" : value.strip());
        }
        return new FormValues(Map.copyOf(values));
    }

    /** The value typed, or "" for none. */
    public String of(String name) {
        return values.getOrDefault(name, "");
    }

    /** The value typed, or null when the field was left blank: what a request body carries. */
    public String orNull(String name) {
        String value = of(name);
        return value.isEmpty() ? null : value;
    }

    /**
     * The value typed as a JSON number when it reads as one, else as the text typed (so the API refuses it with its own
     * message), or null when blank.
     */
    public Object number(String name) {
        String value = of(name);
        if (value.isEmpty()) {
            return null;
        }
        try {
            return new BigDecimal(value);
        } catch (NumberFormatException e) {
            return value;
        }
    }
}
