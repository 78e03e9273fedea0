package dev.mercato.billing.commission;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;

import dev.mercato.billing.run.BillingConfig;
import dev.mercato.platform.id.Ids;
import dev.mercato.pricing.Currencies;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Books commissions in the transaction that finalizes invoices or issues notes, so an invoice line is
 * commissioned exactly once and a note's clawback exactly when the note exists: the shares of
 * {@link CommissionSplit}, each rounded once (half-even, to the currency's minor unit), an entry per
 * beneficiary whose share is not zero.
 */
@ApplicationScoped
public class CommissionLedger {

    static final String INVOICE = "INVOICE";
    static final String CREDIT_NOTE = "CREDIT_NOTE";

    private static final String LINE_FIGURES = """
            select i.id as invoice_id, i.period, i.customer_id, i.customer_path, i.currency, l.line_no,
                l.list_amount, l.discount_amount, l.amount, l.wholesale_amount,
                d.partner_share, d.base_partner_share
            from invoice i
            join invoice_line l on l.invoice_id = i.id
            left join billing_discount d on d.id = l.discount_id
            """;

    private final Clock clock;
    private final CommissionRates rates;

    public CommissionLedger(BillingConfig config, Clock clock) {
        this.clock = clock;
        this.rates = new CommissionRates(config.commission().distributorShare(), config.commission().platformFee());
    }

    /** A note line as the ledger needs it: its amount and the invoice line it corrects (null: none). */
    public record NoteLine(String noteId, int lineNo, String invoiceId, Integer invoiceLineNo, BigDecimal amount) {
    }

    /** Books the commissions of every line of the invoices {@code invoiceIds} (just finalized). */
    public Uni<Void> bookInvoices(SqlConnection connection, List<String> invoiceIds) {
        if (invoiceIds.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return connection.preparedQuery(LINE_FIGURES + " where i.id = any($1)")
                .execute(Tuple.of(invoiceIds.toArray(String[]::new)))
                .chain(rows -> withChannels(connection, rows, channels -> {
                    List<Tuple> entries = new ArrayList<>();
                    for (Row row : rows) {
                        List<CommissionSplit.Share> shares = CommissionSplit.split(line(row),
                                channels.get(row.getString("customer_path")), rates);
                        add(entries, INVOICE, row.getString("invoice_id"), row.getInteger("line_no"),
                                row.getInteger("line_no"), row, row.getBigDecimal("amount"), shares);
                    }
                    return insert(connection, entries);
                }));
    }

    /** Books the commissions (a clawback when negative) of the lines of notes just issued. */
    public Uni<Void> bookNotes(SqlConnection connection, List<NoteLine> noteLines) {
        if (noteLines.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        String[] invoiceIds = noteLines.stream().map(NoteLine::invoiceId).distinct().toArray(String[]::new);
        return connection.preparedQuery(LINE_FIGURES.replace("join invoice_line", "left join invoice_line")
                + " where i.id = any($1)").execute(Tuple.of((Object) invoiceIds))
                .chain(rows -> withChannels(connection, rows, channels -> {
                    Map<String, Row> invoiceRows = new HashMap<>();
                    for (Row row : rows) {
                        invoiceRows.put(key(row.getString("invoice_id"), row.getInteger("line_no")), row);
                        invoiceRows.putIfAbsent(row.getString("invoice_id"), row);
                    }
                    List<Tuple> entries = new ArrayList<>();
                    for (NoteLine note : noteLines) {
                        Row corrected = note.invoiceLineNo() == null ? null
                                : invoiceRows.get(key(note.invoiceId(), note.invoiceLineNo()));
                        Row invoice = invoiceRows.get(note.invoiceId());
                        List<CommissionSplit.Share> shares = CommissionSplit.splitNote(note.amount(),
                                corrected == null ? null : line(corrected), channels.get(invoice.getString("customer_path")),
                                rates);
                        add(entries, CREDIT_NOTE, note.noteId(), note.lineNo(), note.invoiceLineNo(), invoice,
                                note.amount(), shares);
                    }
                    return insert(connection, entries);
                }));
    }

    private Uni<Void> withChannels(SqlConnection connection, RowSet<Row> rows,
            Function<Map<String, Channel>, Uni<Void>> then) {
        Set<String> paths = new TreeSet<>();
        Set<String> ids = new TreeSet<>();
        for (Row row : rows) {
            String path = row.getString("customer_path");
            paths.add(path);
            ids.addAll(Arrays.asList(path.split("/")));
        }
        return connection.preparedQuery("select id, kind from billing_customer where id = any($1)")
                .execute(Tuple.of((Object) ids.toArray(String[]::new)))
                .chain(kindRows -> {
                    Map<String, String> kinds = new HashMap<>();
                    for (Row kind : kindRows) {
                        kinds.put(kind.getString("id"), kind.getString("kind"));
                    }
                    Map<String, Channel> channels = new HashMap<>();
                    for (String path : paths) {
                        channels.put(path, Channel.of(path, kinds));
                    }
                    return then.apply(channels);
                });
    }

    private static CommissionSplit.Line line(Row row) {
        return new CommissionSplit.Line(row.getBigDecimal("list_amount"), row.getBigDecimal("discount_amount"),
                row.getBigDecimal("amount"), row.getBigDecimal("wholesale_amount"), row.getBigDecimal("partner_share"),
                row.getBigDecimal("base_partner_share"));
    }

    private void add(List<Tuple> entries, String source, String sourceId, int sourceLineNo, Integer invoiceLineNo,
            Row invoice, BigDecimal baseAmount, List<CommissionSplit.Share> shares) {
        String currency = invoice.getString("currency");
        int scale = Currencies.minorUnits(currency);
        OffsetDateTime now = OffsetDateTime.now(clock);
        for (CommissionSplit.Share share : shares) {
            BigDecimal amount = share.amount().setScale(scale, RoundingMode.HALF_EVEN);
            if (amount.signum() != 0) {
                entries.add(Tuple.from(Arrays.asList(Ids.next("com"), source, sourceId, sourceLineNo, invoice.getString("invoice_id"),
                        invoiceLineNo, invoice.getString("period"), invoice.getString("customer_id"),
                        share.beneficiary().id(), share.beneficiary().kind(), share.beneficiary().path(), currency,
                        baseAmount, amount, now)));
            }
        }
    }

    private static Uni<Void> insert(SqlConnection connection, List<Tuple> entries) {
        if (entries.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return connection.preparedQuery("""
                insert into commission_entry (id, source, source_id, source_line_no, invoice_id, invoice_line_no, period,
                    customer_id, beneficiary_id, beneficiary_kind, beneficiary_path, currency, base_amount, amount,
                    booked_at)
                values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15)""").executeBatch(entries)
                .replaceWithVoid();
    }

    private static String key(String invoiceId, Integer lineNo) {
        return invoiceId + "#" + lineNo;
    }
}
