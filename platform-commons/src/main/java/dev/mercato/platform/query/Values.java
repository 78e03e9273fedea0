package dev.mercato.platform.query;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reads text as the types a field can have. Every method answers {@link Optional#empty()} instead of
 * throwing, and keeps to values PostgreSQL stores without complaint (years 1 to 9999, at most 38
 * digits), so that bad input becomes a 400, never a database error.
 */
final class Values {

    private static final Pattern INTEGER = Pattern.compile("[+-]?[0-9]{1,19}");
    private static final Pattern DECIMAL = Pattern.compile("[+-]?[0-9]+(\\.[0-9]+)?");
    private static final Instant EARLIEST = Instant.parse("0001-01-01T00:00:00Z");
    private static final Instant LATEST = Instant.parse("9999-12-31T23:59:59.999999999Z");
    private static final int ISO_DATE_LENGTH = "2026-01-01".length();

    private Values() {
    }

    static Optional<Long> parseLong(String text) {
        String s = text.strip();
        if (!INTEGER.matcher(s).matches()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Long.parseLong(s));
        } catch (NumberFormatException tooLarge) {
            return Optional.empty();
        }
    }

    /**
     * A whole number within the range of {@code int}: what every whole-number attribute filtered on is, and
     * what Hibernate can bind to one (a larger value cannot be converted and failed as a server error).
     */
    static Optional<Integer> parseInt(String text) {
        return parseLong(text).filter(value -> value >= Integer.MIN_VALUE && value <= Integer.MAX_VALUE)
                .map(Long::intValue);
    }

    static Optional<BigDecimal> parseDecimal(String text) {
        String s = text.strip();
        // The length check first, so that a 2,000-digit number is not worth parsing.
        if (s.length() > 2 * QueryLimits.MAX_DECIMAL_PRECISION + 2 || !DECIMAL.matcher(s).matches()) {
            return Optional.empty();
        }
        BigDecimal value = new BigDecimal(s);
        return value.precision() <= QueryLimits.MAX_DECIMAL_PRECISION ? Optional.of(value) : Optional.empty();
    }

    static Optional<Boolean> parseBoolean(String text) {
        String s = text.strip();
        if (s.equalsIgnoreCase("true")) {
            return Optional.of(Boolean.TRUE);
        }
        if (s.equalsIgnoreCase("false")) {
            return Optional.of(Boolean.FALSE);
        }
        return Optional.empty();
    }

    static Optional<LocalDate> parseDate(String text) {
        try {
            LocalDate date = LocalDate.parse(text.strip());
            return inRange(date.atStartOfDay(ZoneOffset.UTC).toInstant()) ? Optional.of(date) : Optional.empty();
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }

    /**
     * A date (the start of that day in UTC), an ISO-8601 instant with {@code Z} or an offset, or a
     * date-time without zone (read as UTC).
     */
    static Optional<Instant> parseInstant(String text) {
        String s = text.strip();
        if (s.length() == ISO_DATE_LENGTH) {
            return parseDate(s).map(date -> date.atStartOfDay(ZoneOffset.UTC).toInstant());
        }
        // A '+' of an offset arrives as a space after URL decoding; no other space is valid here.
        s = s.replace(' ', '+');
        try {
            return checked(Instant.parse(s));
        } catch (DateTimeException notAnInstant) {
            try {
                return checked(LocalDateTime.parse(s).toInstant(ZoneOffset.UTC));
            } catch (DateTimeException notALocalDateTime) {
                return Optional.empty();
            }
        }
    }

    static Optional<LocalDate> toDate(Instant instant) {
        return inRange(instant) ? Optional.of(LocalDate.ofInstant(instant, ZoneOffset.UTC)) : Optional.empty();
    }

    /** The unit of {@code $date_add}, singular or plural, any case. */
    static Optional<ChronoUnit> parseUnit(String text) {
        String unit = text.strip().toLowerCase(Locale.ROOT);
        if (unit.endsWith("s")) {
            unit = unit.substring(0, unit.length() - 1);
        }
        return switch (unit) {
            case "minute" -> Optional.of(ChronoUnit.MINUTES);
            case "hour" -> Optional.of(ChronoUnit.HOURS);
            case "day" -> Optional.of(ChronoUnit.DAYS);
            case "week" -> Optional.of(ChronoUnit.WEEKS);
            case "month" -> Optional.of(ChronoUnit.MONTHS);
            case "year" -> Optional.of(ChronoUnit.YEARS);
            default -> Optional.empty();
        };
    }

    /** Calendar arithmetic in UTC; empty when the result leaves the years 1 to 9999. */
    static Optional<Instant> plus(Instant base, long amount, ChronoUnit unit) {
        try {
            return checked(base.atZone(ZoneOffset.UTC).plus(amount, unit).toInstant());
        } catch (DateTimeException | ArithmeticException outOfRange) {
            return Optional.empty();
        }
    }

    private static Optional<Instant> checked(Instant instant) {
        return inRange(instant) ? Optional.of(instant) : Optional.empty();
    }

    private static boolean inRange(Instant instant) {
        return !instant.isBefore(EARLIEST) && !instant.isAfter(LATEST);
    }
}
