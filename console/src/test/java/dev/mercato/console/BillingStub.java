package dev.mercato.console;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * billing-service's public API as the console uses it, with its real JSON shapes: invoices (one with its lines, and as
 * CSV with billing's own Content-Type and Content-Disposition), credit notes (26, two pages of 25), the commission
 * ledger and its summary of a period, and revenue. It refuses an invoice number that is not a whole number, as billing
 * does.
 */
final class BillingStub extends StubServer {

    static final String INVOICE = "inv_01DEC";
    /** The CSV as billing-service sends it, byte for byte (a BOM-less UTF-8 file with a non-ASCII name in it). */
    static final byte[] CSV = ("invoice_id,line_no,description,amount\r\n" + INVOICE + ",1,\"CAD Suite, Käyttäjä\",1200.00\r\n")
            .getBytes(StandardCharsets.UTF_8);

    volatile String lastCsvAuthorization;
    volatile Map<String, String> lastRevenueQuery = Map.of();
    /** The query of the last list asked for, by path. */
    final Map<String, Map<String, String>> lastQuery = new java.util.concurrent.ConcurrentHashMap<>();
    /** The months revenue answers with, oldest first: month → MRR. */
    volatile Map<String, String> mrr = new LinkedHashMap<>(Map.of());

    @Override
    Reply handle(Call call) {
        if (call.authorization() == null) {
            return error(401, "A bearer token is required");
        }
        String route = call.method() + " " + call.path();
        if (call.method().equals("GET")) {
            lastQuery.put(call.path(), call.query());
        }
        String number = call.query().get("number");
        if (route.equals("GET /api/v1/invoices") && number != null && !number.matches("-?\\d{1,9}")) {
            return invalid("number", "expected a whole number from -2147483648 to 2147483647");
        }
        return switch (route) {
            case "GET /api/v1/invoices" -> page(List.of(invoice(false)), 1);
            case "GET /api/v1/invoices/" + INVOICE -> ok(invoice(true));
            case "GET /api/v1/invoices/" + INVOICE + ".csv" -> {
                lastCsvAuthorization = call.authorization();
                yield new Reply(200, new Raw(CSV, "text/csv; charset=utf-8",
                        Map.of("Content-Disposition", "attachment; filename=\"" + INVOICE + ".csv\"")));
            }
            case "GET /api/v1/credit-notes" -> paged(java.util.stream.IntStream.rangeClosed(1, 26)
                    .mapToObj(i -> Map.<String, Object>of("id", "cn_" + i, "invoiceId", INVOICE, "customerId", "org_01TENANT",
                            "kind", "CREDIT", "reason", "VOID", "currency", "eur", "total", "-1200.00", "createdAt",
                            "2026-12-02T08:00:00Z")).toList(), call.query());
            case "GET /api/v1/commissions" -> page(List.of(Map.ofEntries(Map.entry("id", "com_1"),
                    Map.entry("source", "INVOICE"), Map.entry("sourceId", INVOICE), Map.entry("sourceLineNo", 1),
                    Map.entry("invoiceId", INVOICE), Map.entry("period", "2026-11"), Map.entry("customerId", "org_01TENANT"),
                    Map.entry("beneficiaryId", IdentityStub.ORG_ID), Map.entry("beneficiaryKind", "PARTNER"),
                    Map.entry("currency", "eur"), Map.entry("baseAmount", "1200.00"), Map.entry("amount", "96.00"),
                    Map.entry("bookedAt", "2026-12-01T00:00:00Z"))), 1);
            case "GET /api/v1/commissions/summary" -> ok(Map.of("period", call.query().getOrDefault("period", ""),
                    "beneficiaries", List.of(Map.of("organizationId", IdentityStub.ORG_ID, "name", "Helsinki Cloud Partners Oy",
                            "kind", "PARTNER", "currency", "eur", "earned", "100.00", "adjusted", "-4.00", "net", "96.00",
                            "invoices", 1))));
            case "GET /api/v1/analytics/revenue" -> {
                lastRevenueQuery = call.query();
                yield ok(revenue());
            }
            default -> call.path().startsWith("/api/v1/invoices/") ? notFound() : error(404, "Not found");
        };
    }

    private Map<String, Object> revenue() {
        List<Map<String, Object>> months = mrr.entrySet().stream().map(month -> {
            Map<String, Object> figures = Map.of("mrr", month.getValue(), "arr", "0", "newMrr", "0", "expansionMrr", "0",
                    "contractionMrr", "0", "churnedMrr", "0");
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("month", month.getKey());
            row.put("asOf", month.getKey() + "-28");
            row.put("subscriptions", 3);
            row.put("customers", 2);
            row.put("totals", figures);
            row.put("byCurrency", Map.of("eur", figures));
            row.put("exchangeRates", Map.of());
            row.put("unconverted", List.of());
            return row;
        }).toList();
        List<String> keys = List.copyOf(mrr.keySet());
        return Map.of("from", keys.isEmpty() ? "2026-01" : keys.get(0), "to", keys.isEmpty() ? "2026-12" : keys.get(keys.size() - 1),
                "currency", "eur", "months", months);
    }

    private static Map<String, Object> invoice(boolean withLines) {
        Map<String, Object> invoice = new LinkedHashMap<>();
        invoice.put("id", INVOICE);
        invoice.put("issuerId", IdentityStub.ORG_ID);
        invoice.put("number", 1042);
        invoice.put("customerId", "org_01TENANT");
        invoice.put("period", "2026-11");
        invoice.put("periodStart", "2026-11-01");
        invoice.put("periodEnd", "2026-11-30");
        invoice.put("currency", "eur");
        invoice.put("status", "FINALIZED");
        invoice.put("subtotal", "1250.00");
        invoice.put("discountTotal", "50.00");
        invoice.put("total", "1200.00");
        invoice.put("lines", withLines ? List.of(line(1, "CAD Suite", "1000.00"), line(2, "API calls over the plan", "250.00"))
                : null);
        invoice.put("createdAt", "2026-12-01T00:00:00Z");
        invoice.put("finalizedAt", "2026-12-01T00:05:00Z");
        invoice.put("paidAt", null);
        invoice.put("voidedAt", null);
        return invoice;
    }

    private static Map<String, Object> line(int lineNo, String description, String amount) {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("lineNo", lineNo);
        line.put("kind", lineNo == 1 ? "RECURRING" : "USAGE");
        line.put("description", description);
        line.put("sku", "SKU-CAD-1Y");
        line.put("dimension", lineNo == 1 ? null : "api_calls");
        line.put("serviceFrom", "2026-11-01");
        line.put("serviceTo", "2026-11-30");
        line.put("quantity", "1");
        line.put("unitPrice", amount);
        line.put("listAmount", amount);
        line.put("discountAmount", "0.00");
        line.put("amount", amount);
        line.put("priceCurrency", "eur");
        return line;
    }
}
