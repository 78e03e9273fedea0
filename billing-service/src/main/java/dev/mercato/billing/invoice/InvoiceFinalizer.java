package dev.mercato.billing.invoice;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import jakarta.enterprise.context.ApplicationScoped;

import dev.mercato.billing.commission.CommissionLedger;
import dev.mercato.platform.events.InvoiceChangedV1;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Finalizes draft invoices and numbers them: each issuer's counter row ({@code invoice_number}) is locked
 * (in issuer order, so concurrent finalizations never deadlock), advanced by the number of its invoices,
 * and the invoices take the numbers in id order — in the same transaction, so a rollback gives the numbers
 * back and the sequence has no gap and no duplicate however many finalizations run at once.
 */
@ApplicationScoped
public class InvoiceFinalizer {

    private final Clock clock;
    private final InvoiceReader reader;
    private final OutboxRows outbox;
    private final CommissionLedger commissions;

    public InvoiceFinalizer(InvoiceReader reader, OutboxRows outbox, CommissionLedger commissions, Clock clock) {
        this.clock = clock;
        this.reader = reader;
        this.outbox = outbox;
        this.commissions = commissions;
    }

    /** Finalizes those of {@code ids} that are drafts; emits the finalized invoices with their lines. */
    public Uni<List<InvoiceResponse>> finalizeDrafts(SqlConnection connection, List<String> ids) {
        return connection.preparedQuery("""
                select id, issuer_id from invoice where id = any($1) and status = 'DRAFT' order by issuer_id, id
                for update""").execute(Tuple.of(ids.toArray(String[]::new)))
                .chain(rows -> {
                    Map<String, List<String>> byIssuer = new TreeMap<>();
                    for (Row row : rows) {
                        byIssuer.computeIfAbsent(row.getString("issuer_id"), issuer -> new ArrayList<>()).add(row.getString("id"));
                    }
                    return byIssuer.isEmpty() ? Uni.createFrom().item(List.<InvoiceResponse>of())
                            : number(connection, byIssuer);
                });
    }

    private Uni<List<InvoiceResponse>> number(SqlConnection connection, Map<String, List<String>> byIssuer) {
        String[] issuers = byIssuer.keySet().toArray(String[]::new);
        Long[] counts = byIssuer.values().stream().map(list -> (long) list.size()).toArray(Long[]::new);
        return connection.preparedQuery("""
                insert into invoice_number (issuer_id, last_number) select unnest($1::text[]), 0
                on conflict (issuer_id) do nothing""").execute(Tuple.of(issuers))
                .chain(() -> connection.preparedQuery("""
                        select issuer_id from invoice_number where issuer_id = any($1) order by issuer_id for update""")
                        .execute(Tuple.of(issuers)))
                .chain(() -> connection.preparedQuery("""
                        update invoice_number n set last_number = n.last_number + c.count
                        from unnest($1::text[], $2::bigint[]) as c (issuer_id, count)
                        where n.issuer_id = c.issuer_id
                        returning n.issuer_id, n.last_number""").execute(Tuple.of(issuers, counts)))
                .chain(lastNumbers -> {
                    List<String> ids = new ArrayList<>();
                    List<Long> numbers = new ArrayList<>();
                    for (Row row : lastNumbers) {
                        List<String> invoices = byIssuer.get(row.getString("issuer_id"));
                        long next = row.getLong("last_number") - invoices.size();
                        for (String id : invoices) {
                            ids.add(id);
                            numbers.add(++next);
                        }
                    }
                    return connection.preparedQuery("""
                            update invoice i set status = 'FINALIZED', number = v.number, finalized_at = $3
                            from unnest($1::text[], $2::bigint[]) as v (id, number) where i.id = v.id""")
                            .execute(Tuple.of(ids.toArray(String[]::new), numbers.toArray(Long[]::new), OffsetDateTime.now(clock)))
                            .replaceWith(ids);
                })
                .call(ids -> commissions.bookInvoices(connection, ids))
                .chain(ids -> reader.withLines(connection, ids))
                .call(invoices -> outbox.publish(connection, invoices.stream()
                        .map(invoice -> InvoiceEvents.of(InvoiceChangedV1.FINALIZED, invoice)).toList()));
    }
}
