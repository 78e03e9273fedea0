package dev.mercato.billing.invoice;

import java.util.List;

import dev.mercato.platform.events.InvoiceChangedV1;
import dev.mercato.platform.events.Topics;

/** The events of an invoice's lifecycle: full snapshots on {@code billing.invoices}, keyed by invoice id. */
final class InvoiceEvents {

    private InvoiceEvents() {
    }

    static OutboxRows.Pending of(String type, InvoiceResponse invoice) {
        List<InvoiceChangedV1.InvoiceLineV1> lines = invoice.lines().stream()
                .map(line -> new InvoiceChangedV1.InvoiceLineV1(line.lineNo(), line.kind(), line.subscriptionId(),
                        line.description(), line.sku(), line.planId(), line.planVersion(), line.dimension(),
                        line.serviceFrom(), line.serviceTo(), line.quantity(), line.unitPrice(), line.listAmount(),
                        line.discountAmount(), line.amount(), line.priceCurrency(), line.exchangeRate(), line.rateDate(),
                        line.discountId(), line.srpPrice(), null)) // the event reaches the customer: no purchase price
                .toList();
        return new OutboxRows.Pending(Topics.BILLING_INVOICES, invoice.id(), type, new InvoiceChangedV1(invoice.id(),
                invoice.issuerId(), invoice.number(), invoice.customerId(), invoice.period(), invoice.periodStart(),
                invoice.periodEnd(), invoice.currency(), invoice.status(), invoice.subtotal(), invoice.discountTotal(),
                invoice.total(), lines, invoice.createdAt(), invoice.finalizedAt(), invoice.paidAt(), invoice.voidedAt()));
    }
}
