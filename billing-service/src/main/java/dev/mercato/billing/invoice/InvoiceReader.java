package dev.mercato.billing.invoice;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import dev.mercato.pricing.Currencies;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;

/** Reads invoices with their lines in SQL, many at a time (for events, exports and single invoices). */
@ApplicationScoped
public class InvoiceReader {

    static final String COLUMNS = """
            i.id, i.issuer_id, i.number, i.customer_id, i.customer_path, i.period, i.period_start, i.period_end,
            i.currency, i.status, i.subtotal, i.discount_total, i.total, i.created_at, i.finalized_at, i.paid_at,
            i.voided_at""";

    /** The invoices {@code ids} with their lines, in the order of {@code ids}' invoice ids. */
    public Uni<List<InvoiceResponse>> withLines(SqlClient client, List<String> ids) {
        if (ids.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        String[] array = ids.toArray(String[]::new);
        return client.preparedQuery("select " + COLUMNS + " from invoice i where i.id = any($1) order by i.id")
                .execute(Tuple.of(array))
                .chain(headers -> client.preparedQuery("""
                        select * from invoice_line where invoice_id = any($1) order by invoice_id, line_no""")
                        .execute(Tuple.of(array))
                        .map(lineRows -> {
                            Map<String, List<InvoiceLineResponse>> lines = new HashMap<>();
                            for (Row row : lineRows) {
                                lines.computeIfAbsent(row.getString("invoice_id"), id -> new ArrayList<>()).add(line(row));
                            }
                            List<InvoiceResponse> invoices = new ArrayList<>();
                            for (Row row : headers) {
                                InvoiceResponse header = header(row);
                                invoices.add(header.withLines(lines.getOrDefault(header.id(), List.of())));
                            }
                            return invoices;
                        }));
    }

    static InvoiceResponse header(Row row) {
        String currency = row.getString("currency");
        int scale = Currencies.minorUnits(currency);
        return new InvoiceResponse(row.getString("id"), row.getString("issuer_id"), row.getLong("number"),
                row.getString("customer_id"), row.getString("period"), row.getLocalDate("period_start"),
                row.getLocalDate("period_end"), currency, row.getString("status"),
                row.getBigDecimal("subtotal").setScale(scale), row.getBigDecimal("discount_total").setScale(scale),
                row.getBigDecimal("total").setScale(scale), null, instant(row, "created_at"), instant(row, "finalized_at"),
                instant(row, "paid_at"), instant(row, "voided_at"));
    }

    static InvoiceLineResponse line(Row row) {
        int scale = Currencies.minorUnits(row.getString("currency"));
        return new InvoiceLineResponse(row.getInteger("line_no"), row.getString("kind"), row.getString("subscription_id"),
                row.getString("description"), row.getString("sku"), row.getString("plan_id"),
                row.getInteger("plan_version"), row.getString("dimension"), row.getLocalDate("service_from"),
                row.getLocalDate("service_to"), plain(row.getBigDecimal("quantity")), plain(row.getBigDecimal("unit_price")),
                row.getBigDecimal("list_amount").setScale(scale), row.getBigDecimal("discount_amount").setScale(scale),
                row.getBigDecimal("amount").setScale(scale), row.getString("price_currency"),
                plainOrNull(row.getBigDecimal("exchange_rate")), row.getLocalDate("rate_date"),
                row.getString("discount_id"), plainOrNull(row.getBigDecimal("srp_price")),
                plainOrNull(row.getBigDecimal("pur_price")));
    }

    private static java.time.Instant instant(Row row, String column) {
        java.time.OffsetDateTime value = row.getOffsetDateTime(column);
        return value == null ? null : value.toInstant();
    }

    private static BigDecimal plainOrNull(BigDecimal value) {
        return value == null ? null : plain(value);
    }

    /** Without trailing zeros or an exponent: 7250, 0.9235. */
    static BigDecimal plain(BigDecimal value) {
        BigDecimal stripped = value.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }
}
