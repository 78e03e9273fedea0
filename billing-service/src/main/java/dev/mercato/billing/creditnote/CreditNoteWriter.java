package dev.mercato.billing.creditnote;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import dev.mercato.billing.commission.CommissionLedger;
import dev.mercato.billing.invoice.OutboxRows;
import dev.mercato.platform.events.CreditNoteCreatedV1;
import dev.mercato.platform.events.Topics;
import dev.mercato.platform.id.Ids;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Stores a credit note (its lines' amounts negative) or debit note (positive) against an invoice and
 * publishes {@code creditNote.created} and books the commissions it moves (a credit note's clawback) in the same
 * transaction. Amounts arrive rounded to the currency.
 */
@ApplicationScoped
public class CreditNoteWriter {

    public static final String VOID = "VOID";
    public static final String USAGE_CORRECTION = "USAGE_CORRECTION";

    private final Clock clock;
    private final OutboxRows outbox;
    private final CommissionLedger commissions;

    public CreditNoteWriter(OutboxRows outbox, CommissionLedger commissions, Clock clock) {
        this.clock = clock;
        this.outbox = outbox;
        this.commissions = commissions;
    }

    /** What a note is about: the invoice, its customer, why, and its signed lines. */
    public record NewNote(String invoiceId, String customerId, String customerPath, String reason, String currency,
            List<CreditNoteCreatedV1.CreditNoteLineV1> lines) {

        BigDecimal total() {
            return lines.stream().map(CreditNoteCreatedV1.CreditNoteLineV1::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
        }
    }

    public Uni<Void> create(SqlConnection connection, List<NewNote> notes) {
        if (notes.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        List<Tuple> headers = new ArrayList<>();
        List<Tuple> lines = new ArrayList<>();
        List<OutboxRows.Pending> events = new ArrayList<>();
        List<CommissionLedger.NoteLine> commissioned = new ArrayList<>();
        for (NewNote note : notes) {
            String id = Ids.next("cn");
            String kind = note.total().signum() < 0 ? "CREDIT" : "DEBIT";
            headers.add(Tuple.from(Arrays.asList(id, note.invoiceId(), note.customerId(), note.customerPath(), kind,
                    note.reason(), note.currency(), note.total(), now)));
            for (CreditNoteCreatedV1.CreditNoteLineV1 line : note.lines()) {
                lines.add(Tuple.from(Arrays.asList(id, line.lineNo(), line.invoiceLineNo(), line.subscriptionId(),
                        line.description(), line.dimension(), line.quantity(), line.amount())));
                commissioned.add(new CommissionLedger.NoteLine(id, line.lineNo(), note.invoiceId(), line.invoiceLineNo(),
                        line.amount()));
            }
            events.add(new OutboxRows.Pending(Topics.BILLING_CREDIT_NOTES, id, CreditNoteCreatedV1.CREATED,
                    new CreditNoteCreatedV1(id, note.invoiceId(), note.customerId(), kind, note.reason(), note.currency(),
                            note.total(), note.lines(), now.toInstant())));
        }
        return connection.preparedQuery("""
                insert into credit_note (id, invoice_id, customer_id, customer_path, kind, reason, currency, total, created_at)
                values ($1, $2, $3, $4, $5, $6, $7, $8, $9)""").executeBatch(headers)
                .chain(() -> connection.preparedQuery("""
                        insert into credit_note_line (credit_note_id, line_no, invoice_line_no, subscription_id,
                            description, dimension, quantity, amount)
                        values ($1, $2, $3, $4, $5, $6, $7, $8)""").executeBatch(lines))
                .chain(() -> commissions.bookNotes(connection, commissioned))
                .chain(() -> outbox.publish(connection, events));
    }
}
