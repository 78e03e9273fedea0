package dev.mercato.console.web;

/** One checkbox or option of a form: the value sent, its label, a line that explains it, whether it is chosen. */
public record Choice(String value, String label, String description, boolean chosen) {

    /** The options {@code values} (each its own label), with {@code chosen} chosen. */
    public static java.util.List<Choice> among(String chosen, String... values) {
        return among(chosen, java.util.Arrays.asList(values));
    }

    /** The options {@code values} (each its own label), with {@code chosen} chosen. */
    public static java.util.List<Choice> among(String chosen, java.util.List<String> values) {
        return values.stream().map(value -> new Choice(value, value, "", value.equals(chosen))).toList();
    }
}
