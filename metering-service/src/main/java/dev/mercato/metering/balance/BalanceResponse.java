package dev.mercato.metering.balance;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * A customer's prepaid token balances, one per vendor whose tokens it bought or used.
 *
 * @param customerId the customer (tenant)
 * @param balances   its balances the caller may see, by vendor id
 */
public record BalanceResponse(String customerId, List<VendorBalance> balances) {

    /**
     * One balance.
     *
     * @param purchased           every token credited
     * @param consumed            every token drawn by usage
     * @param balance             purchased − consumed (below zero when usage went on after the tokens ran out)
     * @param low                 below {@code lowThreshold} since {@code balance.low} was published
     * @param consumedLast7Days   tokens drawn by usage of the last 7 UTC days, today included
     * @param consumedLast30Days  tokens drawn by usage of the last 30 UTC days, today included
     * @param dailyRate30         consumedLast30Days / 30
     * @param projectedDays       whole days the balance lasts at that rate; 0 when it is used up, null with no usage
     * @param projectedRunOutDate today plus projectedDays (UTC); null with no usage
     * @param history             tokens drawn per day of the last 30 days that had usage, oldest first
     */
    public record VendorBalance(String vendorId, BigDecimal purchased, BigDecimal consumed, BigDecimal balance,
            BigDecimal lowThreshold, boolean low, BigDecimal consumedLast7Days, BigDecimal consumedLast30Days,
            BigDecimal dailyRate30, Long projectedDays, LocalDate projectedRunOutDate, List<DailyConsumption> history) {
    }

    /** Tokens drawn by the usage of one UTC day. */
    public record DailyConsumption(LocalDate day, BigDecimal tokens) {
    }
}
