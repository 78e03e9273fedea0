package dev.mercato.billing.invoice;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import dev.mercato.billing.rating.RatedLine;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

/** Stores draft invoices and their lines, all of a run in two batched statements. */
@ApplicationScoped
public class InvoiceWriter {

    private final Clock clock;

    public InvoiceWriter(Clock clock) {
        this.clock = clock;
    }

    public Uni<Void> insertDrafts(SqlConnection connection, List<InvoiceDraft> drafts) {
        if (drafts.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        List<Tuple> invoices = new ArrayList<>(drafts.size());
        List<Tuple> lines = new ArrayList<>();
        for (InvoiceDraft draft : drafts) {
            invoices.add(Tuple.from(Arrays.asList(draft.id(), draft.issuerId(), draft.customerId(), draft.customerPath(),
                    draft.period().name(), draft.period().start(), draft.period().end(), draft.currency(),
                    draft.subtotal().amount(), draft.discountTotal().amount(), draft.total().amount(), now)));
            int lineNo = 0;
            for (RatedLine line : draft.lines()) {
                lines.add(Tuple.from(Arrays.asList(draft.id(), ++lineNo, line.kind(), line.subscriptionId(),
                        line.description(), line.sku(), line.planId(), line.planVersion(), line.dimension(),
                        line.serviceFrom(), line.serviceTo(), line.price().quantity(), line.price().unitPrice(),
                        line.price().list().amount(), line.price().discount().amount(), line.price().total().amount(),
                        draft.currency(), line.priceCurrency(), line.exchangeRate(), line.rateDate(), line.discountId(),
                        line.srpPrice(), line.purPrice(), line.wholesaleAmount())));
            }
        }
        return connection.preparedQuery("""
                insert into invoice (id, issuer_id, customer_id, customer_path, period, period_start, period_end, currency,
                    status, subtotal, discount_total, total, created_at)
                values ($1, $2, $3, $4, $5, $6, $7, $8, 'DRAFT', $9, $10, $11, $12)""").executeBatch(invoices)
                .chain(() -> lines.isEmpty() ? Uni.createFrom().voidItem() : connection.preparedQuery("""
                        insert into invoice_line (invoice_id, line_no, kind, subscription_id, description, sku, plan_id,
                            plan_version, dimension, service_from, service_to, quantity, unit_price, list_amount,
                            discount_amount, amount, currency, price_currency, exchange_rate, rate_date, discount_id,
                            srp_price, pur_price, wholesale_amount)
                        values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20,
                            $21, $22, $23, $24)""").executeBatch(lines).replaceWithVoid());
    }
}
