package dev.mercato.console.web;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/**
 * Where the usage page's window ends: now, or at the end of the UTC day chosen ({@code until}, as typed). A day that
 * is not a date is refused in one sentence next to its field, and the window then ends now.
 */
public record UsageWindow(String until, Instant last, String refusal) {

    static UsageWindow ending(String until, Clock clock) {
        String typed = until == null ? "" : until.strip();
        if (typed.isEmpty()) {
            return new UsageWindow("", clock.instant(), "");
        }
        try {
            LocalDate day = LocalDate.parse(typed);
            return new UsageWindow(typed, day.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant().minusNanos(1), "");
        } catch (DateTimeParseException e) {
            return new UsageWindow(typed, clock.instant(), "Not a date: give a day as YYYY-MM-DD, e.g. 2026-12-31.");
        }
    }

    /** The UTC day of the window's last moment. */
    LocalDate lastDay() {
        return LocalDate.ofInstant(last, ZoneOffset.UTC);
    }

    public boolean refused() {
        return !refusal.isEmpty();
    }

    /** How the window is named on the page: "ending today" or "ending 2026-12-31". */
    public String ending() {
        return until.isEmpty() || refused() ? "ending now" : "ending " + lastDay();
    }
}
