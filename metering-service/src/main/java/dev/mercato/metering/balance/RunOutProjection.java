package dev.mercato.metering.balance;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;

/**
 * When a balance runs out at the last 30 days' average daily consumption: the whole days it still covers
 * (rounded down — the day it would run out during is the run-out date), none when it is used up, and
 * unknown when nothing was consumed in those days.
 */
record RunOutProjection(BigDecimal dailyRate, Long days, LocalDate date) {

    static final int WINDOW_DAYS = 30;

    static RunOutProjection of(BigDecimal balance, BigDecimal consumedLast30Days, LocalDate today) {
        BigDecimal rate = consumedLast30Days.divide(BigDecimal.valueOf(WINDOW_DAYS), 6, RoundingMode.HALF_UP);
        if (balance.signum() <= 0) {
            return new RunOutProjection(Tokens.exact(rate), 0L, today);
        }
        if (consumedLast30Days.signum() <= 0) {
            return new RunOutProjection(BigDecimal.ZERO, null, null);
        }
        // exact division by the unrounded rate: balance × 30 / consumed
        long days = balance.multiply(BigDecimal.valueOf(WINDOW_DAYS))
                .divide(consumedLast30Days, 0, RoundingMode.FLOOR).longValueExact();
        return new RunOutProjection(Tokens.exact(rate), days, today.plusDays(days));
    }
}
