package dev.mercato.billing.run;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import dev.mercato.billing.creditnote.CreditNoteWriter;
import dev.mercato.billing.rating.BillingPeriod;
import dev.mercato.billing.rating.RatedLine;
import dev.mercato.billing.rating.RatingException;
import dev.mercato.platform.events.CreditNoteCreatedV1;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Turns usage that changed after its period was invoiced — a correction, or an hour closed late — into a debit
 * note (more usage) or credit note (less) against the finalized invoice, automatically. For each invoice,
 * subscription and dimension touched, it rates the period's usage again as the run did and issues the
 * difference from what the invoice line and earlier notes already charged; the recomputation makes a second
 * look at the same change issue nothing. It looks at usage changed since its last look, less a margin for
 * transactions still committing, so it never misses a row.
 * <p>
 * Which changes came after an invoice was finalized is left to that recomputation too, never decided by comparing
 * {@code changed_at} with {@code finalized_at}: the first is the database's time of the change (the bookkeeping of
 * this sweep), the second business time ({@code Clock}), and the two part as soon as the test clock moves. Usage
 * the finalized invoice already charged rates to the same amount and issues nothing; usage that reached billing
 * after the invoice's draft was rated is charged by a note, as it should be.
 */
@ApplicationScoped
public class UsageAdjustments {

    private static final Logger LOG = Logger.getLogger(UsageAdjustments.class);

    private final Pool pool;
    private final RatingInputs inputs;
    private final CreditNoteWriter notes;

    public UsageAdjustments(Pool pool, RatingInputs inputs, CreditNoteWriter notes) {
        this.pool = pool;
        this.inputs = inputs;
        this.notes = notes;
    }

    /** An invoice whose period's usage changed, and what changed in it. */
    private record Touched(String invoiceId, DueCustomer customer, List<String[]> subscriptionDimensions) {
    }

    /** Issues the notes due; emits how many. */
    public Uni<Integer> sweep() {
        return pool.withTransaction(connection -> connection
                .query("select last_checked from usage_adjustment_mark where id = 1 for update").execute()
                .chain(() -> connection.query("""
                        select distinct i.id as invoice_id, i.customer_id, i.customer_path, i.issuer_id, i.currency,
                            i.period, c.billing_day, """ + RatingInputs.SUBSCRIPTION_OF_USAGE + """
                             as subscription_id, u.dimension
                        from billing_usage u """ + RatingInputs.USAGE_SUBSCRIPTION_JOIN + """
                        join invoice i on i.customer_id = u.customer_id and i.status in ('FINALIZED', 'PAID')
                            and u.hour_start >= (i.period_start::timestamp at time zone 'UTC')
                            and u.hour_start < (i.period_end::timestamp at time zone 'UTC')
                        join billing_customer c on c.id = i.customer_id
                        where u.changed_at > (select last_checked - interval '30 seconds' from usage_adjustment_mark where id = 1)
                        order by i.id""").execute())
                .chain(rows -> adjust(connection, touched(rows)))
                .call(() -> connection.query("update usage_adjustment_mark set last_checked = now() where id = 1").execute()));
    }

    private static List<Touched> touched(Iterable<Row> rows) {
        Map<String, Touched> byInvoice = new LinkedHashMap<>();
        for (Row row : rows) {
            int billingDay = row.getInteger("billing_day");
            byInvoice.computeIfAbsent(row.getString("invoice_id"), id -> new Touched(id,
                    new DueCustomer(row.getString("customer_id"), row.getString("issuer_id"), row.getString("customer_path"),
                            row.getString("currency"), billingDay,
                            BillingPeriod.of(YearMonth.parse(row.getString("period")), billingDay)),
                    new ArrayList<>()))
                    .subscriptionDimensions().add(new String[] {row.getString("subscription_id"), row.getString("dimension")});
        }
        return new ArrayList<>(byInvoice.values());
    }

    private Uni<Integer> adjust(SqlConnection connection, List<Touched> touched) {
        if (touched.isEmpty()) {
            return Uni.createFrom().item(0);
        }
        List<CreditNoteWriter.NewNote> due = new ArrayList<>();
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (Touched invoice : touched) {
            chain = chain.chain(() -> inputs.load(connection, List.of(invoice.customer()))
                    .chain(loaded -> charged(connection, invoice.invoiceId()).invoke(charged -> {
                        CreditNoteWriter.NewNote note = note(invoice, loaded, charged);
                        if (note != null) {
                            due.add(note);
                        }
                    }))
                    .replaceWithVoid());
        }
        return chain.chain(() -> notes.create(connection, due)).map(ignored -> due.size());
    }

    /** What the invoice and its correction notes charged so far for a subscription's dimension. */
    private record Charged(Integer lineNo, BigDecimal quantity, BigDecimal amount) {
    }

    private static Uni<Map<String, Charged>> charged(SqlConnection connection, String invoiceId) {
        return connection.preparedQuery("""
                select subscription_id, dimension, min(line_no) as line_no, sum(quantity) as quantity, sum(amount) as amount
                from (select subscription_id, dimension, line_no, quantity, amount from invoice_line
                      where invoice_id = $1 and kind = 'USAGE'
                      union all
                      select l.subscription_id, l.dimension, l.invoice_line_no, l.quantity, l.amount
                      from credit_note_line l join credit_note n on n.id = l.credit_note_id
                      where n.invoice_id = $1 and n.reason = 'USAGE_CORRECTION') charges
                group by subscription_id, dimension""").execute(Tuple.of(invoiceId))
                .map(rows -> {
                    Map<String, Charged> charged = new HashMap<>();
                    for (Row row : rows) {
                        charged.put(row.getString("subscription_id") + "/" + row.getString("dimension"),
                                new Charged(row.getInteger("line_no"), row.getBigDecimal("quantity"), row.getBigDecimal("amount")));
                    }
                    return charged;
                });
    }

    private static CreditNoteWriter.NewNote note(Touched invoice, RatingInputs.Loaded loaded, Map<String, Charged> charged) {
        List<RatedLine> rated;
        try {
            rated = CustomerRating.rate(invoice.customer(), loaded);
        } catch (RatingException e) {
            LOG.warnf("usage of invoice %s changed but cannot be rated again: %s", invoice.invoiceId(), e.getMessage());
            return null;
        }
        List<CreditNoteCreatedV1.CreditNoteLineV1> lines = new ArrayList<>();
        for (String[] touched : invoice.subscriptionDimensions()) {
            RatedLine now = rated.stream().filter(line -> RatedLine.USAGE.equals(line.kind())
                    && Objects.equals(line.subscriptionId(), touched[0]) && touched[1].equals(line.dimension()))
                    .findFirst().orElse(null);
            Charged before = charged.get(touched[0] + "/" + touched[1]);
            BigDecimal amountNow = now == null ? BigDecimal.ZERO : now.price().total().amount();
            BigDecimal quantityNow = now == null ? BigDecimal.ZERO : now.price().quantity();
            BigDecimal difference = amountNow.subtract(before == null ? BigDecimal.ZERO : before.amount());
            if (difference.signum() != 0) {
                lines.add(new CreditNoteCreatedV1.CreditNoteLineV1(lines.size() + 1, before == null ? null : before.lineNo(),
                        touched[0], touched[1] + " usage corrected", touched[1],
                        quantityNow.subtract(before == null ? BigDecimal.ZERO : before.quantity()), difference));
            }
        }
        return lines.isEmpty() ? null : new CreditNoteWriter.NewNote(invoice.invoiceId(), invoice.customer().id(),
                invoice.customer().path(), CreditNoteWriter.USAGE_CORRECTION, invoice.customer().currency(), lines);
    }
}
