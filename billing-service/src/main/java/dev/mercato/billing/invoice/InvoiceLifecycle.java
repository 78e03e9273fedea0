package dev.mercato.billing.invoice;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import dev.mercato.billing.access.BillingAccess;
import dev.mercato.billing.creditnote.CreditNoteWriter;
import dev.mercato.platform.api.ApiException;
import dev.mercato.platform.events.CreditNoteCreatedV1;
import dev.mercato.platform.events.InvoiceChangedV1;
import dev.mercato.platform.security.Caller;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * An invoice's moves, each one transaction with its event: {@code DRAFT → FINALIZED → PAID | VOID}. A void
 * issues a credit note for the whole invoice. Any other move answers 409 naming the state; an invoice the
 * caller may not see answers 404.
 */
@ApplicationScoped
public class InvoiceLifecycle {

    private final Clock clock;
    private final Pool pool;
    private final InvoiceFinalizer finalizer;
    private final InvoiceReader reader;
    private final OutboxRows outbox;
    private final CreditNoteWriter creditNotes;

    public InvoiceLifecycle(Pool pool, InvoiceFinalizer finalizer, InvoiceReader reader, OutboxRows outbox,
            CreditNoteWriter creditNotes, Clock clock) {
        this.clock = clock;
        this.pool = pool;
        this.finalizer = finalizer;
        this.reader = reader;
        this.outbox = outbox;
        this.creditNotes = creditNotes;
    }

    public Uni<InvoiceResponse> finalizeInvoice(String id, Caller caller) {
        return pool.withTransaction(connection -> lockVisible(connection, id, caller)
                .invoke(locked -> requireStatus(locked.status(), "DRAFT", "finalized"))
                .chain(() -> finalizer.finalizeDrafts(connection, List.of(id)))
                .map(List::getFirst));
    }

    public Uni<InvoiceResponse> pay(String id, Caller caller) {
        return move(id, caller, "paid", "PAID", "paid_at", InvoiceChangedV1.PAID);
    }

    public Uni<InvoiceResponse> voidInvoice(String id, Caller caller) {
        return move(id, caller, "voided", "VOID", "voided_at", InvoiceChangedV1.VOIDED);
    }

    private Uni<InvoiceResponse> move(String id, Caller caller, String verb, String status, String timeColumn,
            String eventType) {
        return pool.withTransaction(connection -> lockVisible(connection, id, caller)
                .invoke(locked -> requireStatus(locked.status(), "FINALIZED", verb))
                .chain(locked -> connection.preparedQuery("update invoice set status = $2, " + timeColumn
                        + " = $3 where id = $1").execute(Tuple.of(id, status, OffsetDateTime.now(clock)))
                        .chain(() -> reader.withLines(connection, List.of(id)))
                        .map(List::getFirst)
                        .call(invoice -> outbox.publish(connection, List.of(InvoiceEvents.of(eventType, invoice))))
                        .call(invoice -> "VOID".equals(status)
                                ? creditNotes.create(connection, List.of(fullCredit(invoice, locked.customerPath())))
                                : Uni.createFrom().voidItem())));
    }

    private record Locked(String status, String customerPath) {
    }

    /** The invoice's status and customer path, its row locked; 404 when it does not exist or the caller may not see it. */
    private static Uni<Locked> lockVisible(SqlConnection connection, String id, Caller caller) {
        BillingAccess.SqlCondition visible = BillingAccess.sql(caller, "i", 2);
        Tuple parameters = Tuple.of(id);
        visible.parameters().forEach(parameters::addValue);
        return connection.preparedQuery("select i.status, i.customer_path from invoice i where i.id = $1 and "
                + visible.sql() + " for update").execute(parameters)
                .map(rows -> {
                    if (rows.rowCount() == 0) {
                        throw ApiException.notFound("invoice", id);
                    }
                    Row row = rows.iterator().next();
                    return new Locked(row.getString("status"), row.getString("customer_path"));
                });
    }

    private static void requireStatus(String current, String required, String verb) {
        if (!required.equals(current)) {
            throw ApiException.conflict("An invoice in status " + current + " cannot be " + verb + "; only a "
                    + required + " one can");
        }
    }

    private static CreditNoteWriter.NewNote fullCredit(InvoiceResponse invoice, String customerPath) {
        List<CreditNoteCreatedV1.CreditNoteLineV1> lines = invoice.lines().stream()
                .map(line -> new CreditNoteCreatedV1.CreditNoteLineV1(line.lineNo(), line.lineNo(), line.subscriptionId(),
                        line.description(),
                        line.dimension(), line.quantity(), line.amount().negate()))
                .toList();
        return new CreditNoteWriter.NewNote(invoice.id(), invoice.customerId(), customerPath, CreditNoteWriter.VOID,
                invoice.currency(), lines);
    }
}
