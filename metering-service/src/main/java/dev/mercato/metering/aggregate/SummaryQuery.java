package dev.mercato.metering.aggregate;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import dev.mercato.platform.api.ApiException;

/**
 * The query of {@code GET /api/v1/usage/summary}, read strictly: every parameter at most once, known
 * names only, ids of a plain shape, times as ISO instants or dates, a window the granularity can answer
 * in reasonable size, and the list paging rules. Anything else is a 400 naming the parameter.
 *
 * @param from the first hour counted (inclusive), to the end (exclusive)
 */
record SummaryQuery(String customer, String dimension, String listing, String subscription, Instant from, Instant to,
        Granularity granularity, int offset, int limit) {

    /** The buckets usage is added up in. */
    enum Granularity {
        HOUR("hour", Duration.ofDays(93)), DAY("day", Duration.ofDays(800)), MONTH("month", Duration.ofDays(3700));

        final String sql;
        final Duration longestWindow;

        Granularity(String sql, Duration longestWindow) {
            this.sql = sql;
            this.longestWindow = longestWindow;
        }
    }

    static final int DEFAULT_LIMIT = 100;
    static final int MAX_LIMIT = 1000;
    private static final Set<String> NAMES = Set.of("customer", "dimension", "listing", "subscription", "from", "to",
            "granularity", "page", "limit", "offset");
    private static final Pattern REFERENCE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.:-]{0,63}");
    private static final Instant EARLIEST = Instant.parse("2000-01-01T00:00:00Z");
    private static final Instant LATEST = Instant.parse("2200-01-01T00:00:00Z");

    static SummaryQuery parse(Map<String, List<String>> parameters, Clock clock) {
        for (Map.Entry<String, List<String>> parameter : parameters.entrySet()) {
            if (!NAMES.contains(parameter.getKey())) {
                throw ApiException.invalidField(echo(parameter.getKey()), "is not a parameter of the usage summary; "
                        + "use customer, dimension, listing, subscription, from, to, granularity, page, limit or offset");
            }
            if (parameter.getValue().size() > 1) {
                throw ApiException.invalidField(parameter.getKey(), "may be given once");
            }
        }
        Granularity granularity = granularity(single(parameters, "granularity"));
        Instant to = instant(single(parameters, "to"), "to", clock.instant());
        Instant from = instant(single(parameters, "from"), "from", to.minus(Duration.ofDays(30)));
        if (!from.isBefore(to)) {
            throw ApiException.invalidField("from", "must be before to");
        }
        if (Duration.between(from, to).compareTo(granularity.longestWindow) > 0) {
            throw ApiException.invalidField("to", "is more than " + granularity.longestWindow.toDays() + " days after from; "
                    + "ask for a coarser granularity or a shorter window");
        }
        int limit = whole(single(parameters, "limit"), "limit", DEFAULT_LIMIT, 1, MAX_LIMIT);
        String page = single(parameters, "page");
        String offsetText = single(parameters, "offset");
        if (page != null && offsetText != null) {
            throw ApiException.invalidField("offset", "give page or offset, not both");
        }
        int offset = offsetText != null ? whole(offsetText, "offset", 0, 0, 1_000_000)
                : (whole(page, "page", 1, 1, 1_000_000 / limit + 1) - 1) * limit;
        return new SummaryQuery(reference(parameters, "customer"), reference(parameters, "dimension"),
                reference(parameters, "listing"), reference(parameters, "subscription"), from, to, granularity, offset, limit);
    }

    private static String single(Map<String, List<String>> parameters, String name) {
        List<String> values = parameters.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    private static String reference(Map<String, List<String>> parameters, String name) {
        String value = single(parameters, name);
        if (value != null && !REFERENCE.matcher(value).matches()) {
            throw ApiException.invalidField(name, "must be 1-64 letters, digits, '_', '.', ':' or '-'");
        }
        return value;
    }

    private static Granularity granularity(String value) {
        if (value == null) {
            return Granularity.DAY;
        }
        for (Granularity granularity : Granularity.values()) {
            if (granularity.sql.equals(value)) {
                return granularity;
            }
        }
        throw ApiException.invalidField("granularity", "must be hour, day or month");
    }

    private static Instant instant(String value, String name, Instant otherwise) {
        if (value == null) {
            return otherwise;
        }
        Instant instant;
        try {
            instant = value.length() == 10 ? LocalDate.parse(value).atStartOfDay(ZoneOffset.UTC).toInstant()
                    : Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw ApiException.invalidField(name, "must be an ISO 8601 time (2026-12-01T06:00:00Z) or date (2026-12-01)");
        }
        if (instant.isBefore(EARLIEST) || instant.isAfter(LATEST)) {
            throw ApiException.invalidField(name, "must be between 2000 and 2200");
        }
        return instant;
    }

    private static int whole(String value, String name, int otherwise, int min, int max) {
        if (value == null) {
            return otherwise;
        }
        try {
            int number = Integer.parseInt(value);
            if (number >= min && number <= max) {
                return number;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw ApiException.invalidField(name, "must be a whole number from " + min + " to " + max);
    }

    private static String echo(String name) {
        String printable = name.replaceAll("[^\\x20-\\x7e]", "?");
        return printable.length() > 40 ? printable.substring(0, 40) + "…" : printable;
    }
}
