package dev.mercato.billing.bench;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.mercato.testkit.OrganizationEvents;
import dev.mercato.testkit.TestSql;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/**
 * The billing benchmark (bench/billing-bench.sh; not part of the test suite: its name is no test's): N
 * subscriptions (default 10,000) of N tenants under 10 partners, each metering a listing through a usd plan
 * (a recurring price per seat and a graduated usage price) with an hourly aggregate for every hour of
 * 2026-10 (744 each), billed in eur (one conversion per line) — loaded into the read models by SQL — then one
 * billing run of 2026-10 that rates, stores and finalizes every invoice. Prints and writes the figures to
 * {@code target/billing-bench.txt}.
 */
@QuarkusTest
class BillingBench {

    @Test
    void billsAndFinalizesAMonthOfHourlyUsage() throws IOException {
        int subscriptions = Integer.getInteger("billing.bench.subscriptions", 10_000);
        String platform = OrganizationEvents.PLATFORM.id();
        long loadStart = System.nanoTime();
        TestSql.execute("""
                insert into billing_customer (id, kind, name, customer_number, status, parent_id, ancestry, country_code,
                    currency, billing_day, updated_at, source_version)
                select 'bench_p_' || g, 'PARTNER', 'Bench partner ' || g, lpad((9000 + g)::text, 10, '0'), 'ACTIVE', ?,
                    ?, 'FI', 'eur', 1, now(), 0
                from generate_series(0, 9) g""", platform, platform);
        TestSql.execute("""
                insert into billing_customer (id, kind, name, customer_number, status, parent_id, ancestry, country_code,
                    currency, billing_day, updated_at, source_version)
                select 'bench_t_' || g, 'TENANT', 'Bench tenant ' || g, lpad(g::text, 10, '0'), 'ACTIVE', 'bench_p_' || (g % 10),
                    cast(? as text) || '/bench_p_' || (g % 10), 'FI', 'eur', 1, now(), 0
                from generate_series(1, ?) g""", platform, subscriptions);
        TestSql.execute("""
                insert into billing_plan (id, owner_id, listing_id, source_version) values ('bench_plan', ?, 'bench_lst', 1)""",
                platform);
        TestSql.execute("""
                insert into billing_plan_version (plan_id, version, status, currency, pricing_period, published_at,
                    price_definitions)
                values ('bench_plan', 1, 'PUBLISHED', 'usd', 'MONTHLY', '2020-01-01T00:00:00Z', cast(? as jsonb))""", """
                [{"id": "prd_seat", "costTypeCategory": "RECURRING", "pricingStrategy": "UNIT", "unit": "seat",
                  "priceRanges": [{"min": 0, "max": null, "salePrice": 12.00, "wholeSalePrice": 9.00, "flatAmount": null}],
                  "packageSize": null, "unitAllowsDecimals": false, "increment": null, "listingId": null, "dimensionKey": null},
                 {"id": "prd_calls", "costTypeCategory": "USAGE", "pricingStrategy": "TIERED", "unit": "call",
                  "priceRanges": [{"min": 0, "max": 10000, "salePrice": 0.002, "wholeSalePrice": 0.0015, "flatAmount": null},
                                  {"min": 10000, "max": null, "salePrice": 0.001, "wholeSalePrice": 0.00075, "flatAmount": null}],
                  "packageSize": null, "unitAllowsDecimals": true, "increment": null, "listingId": "bench_lst",
                  "dimensionKey": "api_calls"}]""");
        TestSql.execute("""
                insert into billing_exchange_rate (id, base_currency, counter_currency, rate, valid_from, active, source_version)
                values ('bench_fx', 'usd', 'eur', 0.9235, '2026-01-01', true, 1)""");
        TestSql.execute("""
                insert into billing_subscription (id, customer_id, serial_number, status, start_date, end_date, sku,
                    description, quantity, seats, srp_price, pur_price, listing_id, retired_at, created_at, source_version)
                select 'bench_s_' || g, 'bench_t_' || g, 'SN' || g, 'ACTIVE', '2026-01-01', '2026-12-31', 'BENCH-1',
                    'Bench seats', 5, 5, '{}', '{}', 'bench_lst', null, '2026-01-01T00:00:00Z', 1
                from generate_series(1, ?) g""", subscriptions);
        TestSql.execute("""
                insert into billing_subscription_quantity (subscription_id, effective_from, quantity)
                select 'bench_s_' || g, '2026-01-01', 5 from generate_series(1, ?) g""", subscriptions);
        TestSql.execute("""
                insert into billing_usage (id, customer_id, subscription_id, listing_id, dimension, hour_start, aggregation,
                    value, revision, changed_at)
                select 'bench_a_' || g || '_' || h, 'bench_t_' || g, 'bench_s_' || g, 'bench_lst', 'api_calls',
                    timestamptz '2026-10-01T00:00:00Z' + h * interval '1 hour', 'SUM', (g % 50) + h % 7, 1, now()
                from generate_series(1, ?) g, generate_series(0, 743) h""", subscriptions);
        TestSql.execute("analyze");
        Duration load = Duration.ofNanos(System.nanoTime() - loadStart);

        long start = System.nanoTime();
        given().auth().oauth2(OrganizationEvents.platformAdmin()).contentType(ContentType.JSON)
                .body(Map.of("period", "2026-10", "finalize", true)).post("/api/v1/billing-runs")
                .then().statusCode(200);
        Duration run = Duration.ofNanos(System.nanoTime() - start);

        long finalized = TestSql.number("select count(*) from invoice where period = '2026-10' and status = 'FINALIZED'");
        long lines = TestSql.number("select count(*) from invoice_line l join invoice i on i.id = l.invoice_id "
                + "where i.period = '2026-10'");
        long usageRows = TestSql.number("select count(*) from billing_usage");
        long commissions = TestSql.number("select count(*) from commission_entry where period = '2026-10'");
        String report = """
                billing bench: %d subscriptions, %d hourly aggregates, loaded by SQL in %.1f s
                billing run of 2026-10 with finalize=true: %d invoices finalized, %d lines, %d commission entries, \
                in %.1f s (%.0f invoices/s)
                """.formatted(subscriptions, usageRows, load.toMillis() / 1000.0, finalized, lines, commissions,
                run.toMillis() / 1000.0, finalized * 1000.0 / Math.max(1, run.toMillis()));
        System.out.println(report);
        Files.writeString(Path.of("target", "billing-bench.txt"), report);
        assertThat(finalized).isEqualTo(subscriptions);
        assertThat(commissions).isEqualTo(4L * subscriptions); // reseller and platform on the seat and usage lines
    }
}
