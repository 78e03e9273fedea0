package dev.mercato.console.metering;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** A customer's prepaid token balances, one per vendor ({@code /api/v1/balances/{customer}}). */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Balances(String customerId, List<Balance> balances) {

    /**
     * One balance: purchased, consumed, what is left, the last 30 days' average daily draw and, when there was usage,
     * the days it lasts at that rate and the day it runs out.
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Balance(String vendorId, BigDecimal purchased, BigDecimal consumed, BigDecimal balance, boolean low,
            BigDecimal consumedLast30Days, BigDecimal dailyRate30, Long projectedDays, LocalDate projectedRunOutDate,
            List<Daily> history) {
    }

    /** Tokens drawn by the usage of one UTC day (only days that had usage are listed). */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Daily(LocalDate day, BigDecimal tokens) {
    }
}
