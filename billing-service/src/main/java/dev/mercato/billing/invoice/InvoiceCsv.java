package dev.mercato.billing.invoice;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Invoices as CSV for an ERP: one row per line, the columns of {@link #COLUMNS} in that order (documented in
 * the module README; a new column is only ever appended). Fields are quoted when they hold a comma, quote or
 * line break, and a text starting with {@code = + - @} is prefixed with {@code '} so a spreadsheet never runs it.
 */
public final class InvoiceCsv {

    public static final List<String> COLUMNS = List.of("invoice_id", "invoice_number", "issuer_id", "customer_id",
            "period", "period_start", "period_end", "invoice_status", "finalized_at", "currency", "line_no", "kind",
            "subscription_id", "sku", "description", "dimension", "service_from", "service_to", "quantity", "unit_price",
            "list_amount", "discount_amount", "amount", "price_currency", "exchange_rate", "rate_date", "discount_id",
            "srp_price", "pur_price");

    private InvoiceCsv() {
    }

    public static String of(List<InvoiceResponse> invoices) {
        StringBuilder csv = new StringBuilder(String.join(",", COLUMNS)).append("\r\n");
        for (InvoiceResponse invoice : invoices) {
            for (InvoiceLineResponse line : invoice.lines()) {
                List<Object> fields = new ArrayList<>(List.of(invoice.id(), text(invoice.number()), invoice.issuerId(),
                        invoice.customerId(), invoice.period(), invoice.periodStart(), invoice.periodEnd(), invoice.status(),
                        text(invoice.finalizedAt()), invoice.currency(), line.lineNo(), line.kind(),
                        text(line.subscriptionId()), text(line.sku()), line.description(), text(line.dimension()),
                        line.serviceFrom(), line.serviceTo(), line.quantity().toPlainString(),
                        line.unitPrice().toPlainString(), line.listAmount().toPlainString(),
                        line.discountAmount().toPlainString(), line.amount().toPlainString(), line.priceCurrency(),
                        line.exchangeRate() == null ? "" : line.exchangeRate().toPlainString(), text(line.rateDate()),
                        text(line.discountId()), line.srpPrice() == null ? "" : line.srpPrice().toPlainString(),
                        line.purPrice() == null ? "" : line.purPrice().toPlainString()));
                for (int i = 0; i < fields.size(); i++) {
                    if (i > 0) {
                        csv.append(',');
                    }
                    csv.append(field(fields.get(i).toString()));
                }
                csv.append("\r\n");
            }
        }
        return csv.toString();
    }

    private static String text(Object value) {
        return Objects.toString(value, "");
    }

    static String field(String value) {
        String safe = !value.isEmpty() && "=+-@".indexOf(value.charAt(0)) >= 0 && !isNumber(value) ? "'" + value : value;
        if (safe.contains(",") || safe.contains("\"") || safe.contains("\n") || safe.contains("\r")) {
            return '"' + safe.replace("\"", "\"\"") + '"';
        }
        return safe;
    }

    /** A negative amount stays a number, not a formula. */
    private static boolean isNumber(String value) {
        return value.matches("-?\\d+(\\.\\d+)?");
    }
}
