package dev.mercato.order.subscription;

import java.time.Instant;
import java.time.LocalDate;

/** Where a subscription stands on a date: not yet started, usable, or past its end (or retired). */
public enum SubscriptionStatus {
    ACTIVE, INACTIVE, EXPIRED;

    /** The status on {@code today} of a subscription from {@code start} through {@code end} (both days included). */
    public static SubscriptionStatus on(LocalDate today, LocalDate start, LocalDate end, Instant retiredAt) {
        if (retiredAt != null || today.isAfter(end)) {
            return EXPIRED;
        }
        return today.isBefore(start) ? INACTIVE : ACTIVE;
    }
}
