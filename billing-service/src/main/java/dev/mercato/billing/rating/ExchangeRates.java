package dev.mercato.billing.rating;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.mercato.pricing.Conversion;

/**
 * The active exchange rates, by pair and day: the rate of a pair on a day is the one with the latest
 * {@code validFrom} not after it. When only the reverse pair has a rate, amounts are divided by it.
 */
public final class ExchangeRates {

    private final Map<String, List<Rate>> byPair = new HashMap<>();

    /** One stored rate: one {@code base} is {@code rate} {@code counter} from {@code validFrom} on. */
    public record Rate(String base, String counter, BigDecimal rate, LocalDate validFrom) {
    }

    /** A conversion and what the line records about it. */
    public record Applied(Conversion conversion, BigDecimal rate, LocalDate date) {
    }

    public ExchangeRates(List<Rate> rates) {
        for (Rate rate : rates) {
            byPair.computeIfAbsent(rate.base() + "/" + rate.counter(), pair -> new ArrayList<>()).add(rate);
        }
        byPair.values().forEach(list -> list.sort(Comparator.comparing(Rate::validFrom)));
    }

    /** The conversion from {@code from} to {@code to} valid on {@code date}; null for the same currency. */
    public Applied on(String from, String to, LocalDate date) {
        if (from.equals(to)) {
            return null;
        }
        Rate direct = latest(byPair.get(from + "/" + to), date);
        if (direct != null) {
            return new Applied(new Conversion(from, to, direct.rate()), direct.rate(), date);
        }
        Rate reverse = latest(byPair.get(to + "/" + from), date);
        if (reverse != null) {
            // the amount is divided by the reverse rate exactly; the line shows the rate it amounts to
            return new Applied(Conversion.inverseOf(from, to, reverse.rate()),
                    BigDecimal.ONE.divide(reverse.rate(), 12, RoundingMode.HALF_EVEN).stripTrailingZeros(), date);
        }
        throw new RatingException("no exchange rate from " + from + " to " + to + " valid on " + date);
    }

    private static Rate latest(List<Rate> rates, LocalDate date) {
        if (rates == null) {
            return null;
        }
        Rate found = null;
        for (Rate rate : rates) {
            if (rate.validFrom().isAfter(date)) {
                break;
            }
            found = rate;
        }
        return found;
    }
}
