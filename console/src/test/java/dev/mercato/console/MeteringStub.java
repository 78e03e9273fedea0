package dev.mercato.console;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * metering-service's public API as the console uses it, with its real JSON shapes: the usage summary (rows dated
 * relative to now, so they fall in the console's window) and a tenant's token balances.
 */
final class MeteringStub extends StubServer {

    static final String TENANT = "org_01TENANT";

    volatile Map<String, String> lastSummaryQuery = Map.of();

    @Override
    Reply handle(Call call) {
        if (call.authorization() == null) {
            return error(401, "A bearer token is required");
        }
        if (call.method().equals("GET") && call.path().equals("/api/v1/usage/summary")) {
            lastSummaryQuery = call.query();
            return page(rows(call.query().get("granularity")), 3);
        }
        if (call.method().equals("GET") && call.path().equals("/api/v1/balances/" + TENANT)) {
            Map<String, Object> balance = new LinkedHashMap<>();
            balance.put("vendorId", "org_01VENDOR");
            balance.put("purchased", "10000");
            balance.put("consumed", "7000");
            balance.put("balance", "3000");
            balance.put("lowThreshold", "1000");
            balance.put("low", false);
            balance.put("consumedLast7Days", "700");
            balance.put("consumedLast30Days", "3000");
            balance.put("dailyRate30", "100");
            balance.put("projectedDays", 30);
            balance.put("projectedRunOutDate", "2027-01-01");
            String yesterday = LocalDate.now(ZoneOffset.UTC).minusDays(1).toString();
            balance.put("history", List.of(Map.of("day", yesterday, "tokens", "100")));
            return ok(Map.of("customerId", TENANT, "balances", List.of(balance)));
        }
        return notFound();
    }

    /** Two api_calls rows in different buckets, and one storage_gb row. */
    static List<Map<String, Object>> rows(String granularity) {
        ChronoUnit unit = "hour".equals(granularity) ? ChronoUnit.HOURS : ChronoUnit.DAYS;
        Instant now = Instant.now().truncatedTo(unit);
        return List.of(row(now.minus(1, unit), granularity, "api_calls", "1200"),
                row(now.minus(3, unit), granularity, "api_calls", "345"),
                row(now, granularity, "storage_gb", "7.5"));
    }

    private static Map<String, Object> row(Instant periodStart, String granularity, String dimension, String value) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("periodStart", periodStart.toString());
        row.put("granularity", granularity);
        row.put("customerId", TENANT);
        row.put("vendorId", "org_01VENDOR");
        row.put("listingId", "lst_1");
        row.put("subscriptionId", "565-86309682");
        row.put("dimension", dimension);
        row.put("aggregation", "SUM");
        row.put("sum", value);
        row.put("count", 1);
        row.put("max", value);
        row.put("latest", value);
        row.put("uniqueCount", 1);
        row.put("value", value);
        return row;
    }
}
