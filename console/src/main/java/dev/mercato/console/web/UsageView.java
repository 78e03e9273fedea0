package dev.mercato.console.web;

import java.util.List;

import dev.mercato.console.metering.Balances;
import dev.mercato.console.metering.MeteringApi;

/**
 * Usage: one chart per dimension over the window chosen (hours or days, ending when chosen), the filters as typed, whether the API had
 * more rows than one answer holds, and the customer's balances (null when no customer is chosen).
 */
public record UsageView(String granularity, String customer, String dimension, UsageWindow window, List<BarChart> charts,
        boolean truncated, Balances balances, List<BalanceRow> balanceRows) {

    /** One balance and the tokens it drew on each of the 30 days of the window. */
    public record BalanceRow(Balances.Balance balance, BarChart drawn) {
    }

    public int maxRows() {
        return MeteringApi.MAX_ROWS;
    }

    public boolean hourly() {
        return "hour".equals(granularity);
    }
}
