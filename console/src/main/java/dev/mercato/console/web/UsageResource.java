package dev.mercato.console.web;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;

import dev.mercato.console.metering.Balances;
import dev.mercato.console.metering.MeteringApi;
import dev.mercato.console.session.Session;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.mutiny.Uni;

/**
 * Usage: a bar chart per dimension by hour (48 of them) or by day (30 of them), drawn as SVG on the server, and the
 * customer's token balances with their projected run-out. A tenant sees its own; anyone above it chooses a customer.
 * The window ends now, or with the day chosen ({@code until}): usage is kept by when it happened, so a look at an
 * earlier month, or at a marketplace whose business clock runs ahead (a demo's test clock), is one date away.
 */
@Path("/usage")
public class UsageResource {

    static final int HOURS = 48;
    static final int DAYS = 30;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance usage(Frame frame, UsageView page);
    }

    private final MeteringApi metering;
    private final CurrentSession current;
    private final Clock clock;

    public UsageResource(MeteringApi metering, CurrentSession current, Clock clock) {
        this.metering = metering;
        this.current = current;
        this.clock = clock;
    }

    @GET
    public Uni<Response> usage(@QueryParam("granularity") String granularity, @QueryParam("customer") String customer,
            @QueryParam("dimension") String dimension, @QueryParam("until") String until) {
        Session session = current.required();
        boolean hourly = "hour".equals(granularity);
        ChronoUnit unit = hourly ? ChronoUnit.HOURS : ChronoUnit.DAYS;
        int buckets = hourly ? HOURS : DAYS;
        UsageWindow window = UsageWindow.ending(until, clock);
        Instant from = UsageSeries.windowStart(unit, buckets, window.last());
        Instant to = from.plus(buckets, unit);
        String typedCustomer = customer == null ? "" : customer.strip();
        String typedDimension = dimension == null ? "" : dimension.strip();
        String balanceOf = !typedCustomer.isEmpty() ? typedCustomer
                : "TENANT".equals(session.claims().organizationKind()) ? session.claims().organizationId() : null;
        Uni<Balances> balances = balanceOf == null ? Uni.createFrom().nullItem() : metering.balances(session, balanceOf);
        return metering.usage(session, hourly ? "hour" : "day", from, to, typedCustomer, typedDimension)
                .chain(rows -> balances.chain(found -> {
                    List<BarChart> charts = new ArrayList<>();
                    int index = 0;
                    for (Map.Entry<String, List<BarChart.Point>> series : UsageSeries.of(rows.items(), unit, from, buckets)
                            .entrySet()) {
                        charts.add(BarChart.of("usage-chart-" + index++, series.getKey() + " per " + (hourly ? "hour" : "day"),
                                series.getKey(), series.getValue()));
                    }
                    UsageView view = new UsageView(hourly ? "hour" : "day", typedCustomer, typedDimension, window,
                            charts, rows.total() > rows.items().size(), found, balanceRows(found, window.lastDay()));
                    return Html.page(200, Templates.usage(Frame.of("Usage", session), view));
                }));
    }

    /** Each balance with a chart of the tokens drawn per day over the 30 UTC days up to {@code today}, zero on days without usage. */
    private static List<UsageView.BalanceRow> balanceRows(Balances balances, LocalDate today) {
        if (balances == null) {
            return List.of();
        }
        List<UsageView.BalanceRow> rows = new ArrayList<>();
        for (Balances.Balance balance : balances.balances()) {
            Map<LocalDate, BigDecimal> drawn = new HashMap<>();
            if (balance.history() != null) {
                balance.history().forEach(day -> drawn.merge(day.day(), day.tokens(), BigDecimal::add));
            }
            List<BarChart.Point> points = new ArrayList<>();
            for (LocalDate day = today.minusDays(DAYS - 1L); !day.isAfter(today); day = day.plusDays(1)) {
                points.add(new BarChart.Point(day.toString(), drawn.getOrDefault(day, BigDecimal.ZERO)));
            }
            rows.add(new UsageView.BalanceRow(balance, BarChart.of("balance-chart-" + rows.size(),
                    "Tokens of " + balance.vendorId() + " drawn per day", "tokens", points)));
        }
        return rows;
    }
}
