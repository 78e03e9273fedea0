package dev.mercato.console;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * order-service's public API as the console uses it, with its real JSON shapes: placing an order (and its dry run),
 * a transaction, and the lists of transactions, contracts (30, two pages of 25) subscriptions and opportunities. It
 * refuses an order the way order-service does for the cases the tests need: a type's required field missing, a
 * quantity that is not a whole number; and a list filter: a transaction status that is none, a contract end date that
 * is not a date.
 */
final class OrderStub extends StubServer {

    private final Map<String, Map<String, Object>> transactions = new ConcurrentHashMap<>();
    private final AtomicInteger counter = new AtomicInteger();
    /** Idempotency-Key → the transaction it placed: a repeat gets the first answer (the body is not compared here). */
    private final Map<String, String> keys = new ConcurrentHashMap<>();
    /** Every order placed (not dry runs): the type and the payload as received. */
    final List<Map<String, Object>> placed = new CopyOnWriteArrayList<>();
    final AtomicInteger dryRuns = new AtomicInteger();
    /** Every retry received. */
    final List<Call> retries = new CopyOnWriteArrayList<>();
    /** The query of the last list asked for, by path. */
    final Map<String, Map<String, String>> lastQuery = new ConcurrentHashMap<>();

    @Override
    Reply handle(Call call) {
        if (call.authorization() == null) {
            return error(401, "A bearer token is required");
        }
        String route = call.method() + " " + call.path();
        if (route.equals("POST /api/v1/transactions")) {
            return place(call);
        }
        if (call.method().equals("POST") && call.path().matches("/api/v1/transactions/[^/]+/retry")) {
            Map<String, Object> transaction = transactions.get(call.path().split("/")[4]);
            if (transaction == null) {
                return notFound();
            }
            if (!"STUCK".equals(transaction.get("status"))) {
                return error(409, "Only a STUCK transaction can be retried");
            }
            retries.add(call);
            transaction.put("status", "PENDING");
            return new Reply(202, Map.of("code", 202, "data", transaction));
        }
        if (call.method().equals("GET") && call.path().startsWith("/api/v1/transactions/")) {
            Map<String, Object> transaction = transactions.get(call.path().substring("/api/v1/transactions/".length()));
            return transaction == null ? notFound() : ok(transaction);
        }
        if (call.method().equals("GET")) {
            lastQuery.put(call.path(), call.query());
        }
        String status = call.query().get("status");
        if (route.equals("GET /api/v1/transactions") && status != null
                && !List.of("PENDING", "PROCESSING", "PROCESSED", "REJECTED", "STUCK").contains(status)) {
            return invalid("status", "expected one of PENDING, PROCESSING, PROCESSED, REJECTED, STUCK");
        }
        String endsBy = call.query().get("contractEndDate[lte]");
        if (route.equals("GET /api/v1/contracts") && endsBy != null && !endsBy.matches("\\d{4}-\\d{2}-\\d{2}")) {
            return invalid("contractEndDate", "expected a date (2026-01-01)");
        }
        return switch (route) {
            case "GET /api/v1/transactions" -> page(new ArrayList<>(transactions.values()), transactions.size());
            case "GET /api/v1/contracts" -> paged(contracts(), call.query());
            case "GET /api/v1/subscriptions" -> page(List.of(subscription("565-86309682", "ACTIVE"),
                    subscription("565-11111111", "EXPIRED")), 2);
            case "GET /api/v1/opportunities" -> page(List.of(opportunity()), 1);
            default -> notFound();
        };
    }

    private Reply place(Call call) {
        String type = call.query().get("type");
        Map<String, Object> body = call.json();
        List<Map<String, String>> errors = new ArrayList<>();
        if (("ADD_SEAT".equals(type) || "ADD_PRODUCT".equals(type)) && body.get("contractNumber") == null) {
            errors.add(Map.of("field", "contractNumber", "message", "is required for " + type + " orders"));
        }
        if ("INITIAL".equals(type) && body.get("customerCsn") == null) {
            errors.add(Map.of("field", "customerCsn", "message", "is required for INITIAL orders"));
        }
        List<?> items = body.get("items") instanceof List<?> list ? list : List.of();
        if (items.isEmpty()) {
            errors.add(Map.of("field", "items", "message", "must name at least one item"));
        }
        for (int i = 0; i < items.size(); i++) {
            Object quantity = ((Map<?, ?>) items.get(i)).get("quantity");
            if (quantity != null && !(quantity instanceof Integer)) {
                errors.add(Map.of("field", "items[" + i + "].quantity", "message", "must be a whole number"));
            }
        }
        if (!errors.isEmpty()) {
            return new Reply(400, Map.of("code", 400, "message", "Invalid request parameters", "errors", errors));
        }
        boolean dryRun = "true".equals(call.query().get("dryRun"));
        String key = call.idempotencyKey();
        if (!dryRun && key != null && keys.containsKey(key)) {
            Map<String, Object> first = transactions.get(keys.get(key));
            return new Reply(202, Map.of("code", 202, "data", first));
        }
        Map<String, Object> transaction = transaction(dryRun ? null : "txn_" + counter.incrementAndGet(), type, body);
        if (dryRun) {
            dryRuns.incrementAndGet();
            Map<String, Object> outcome = new LinkedHashMap<>();
            outcome.put("transaction", transaction);
            outcome.put("outcome", "PROCESSED");
            outcome.put("outcomeMessage", null);
            outcome.put("contract", contract());
            outcome.put("subscriptions", List.of(subscription("565-00000001", "ACTIVE")));
            return ok(outcome);
        }
        Map<String, Object> order = new LinkedHashMap<>(body);
        order.put("type", type);
        placed.add(order);
        transactions.put((String) transaction.get("id"), transaction);
        if (key != null) {
            keys.put(key, (String) transaction.get("id"));
        }
        return new Reply(202, Map.of("code", 202, "data", transaction));
    }

    /** A transaction placed just now for Tenant One, in {@code status}; its id. */
    String transactionIn(String status) {
        Map<String, Object> transaction = transaction("txn_" + counter.incrementAndGet(), "INITIAL",
                Map.of("customerCsn", "5100000001", "customerName", "Tenant One Oy", "items", List.of()));
        transaction.put("status", status);
        transactions.put((String) transaction.get("id"), transaction);
        return (String) transaction.get("id");
    }

    /** The transaction moves on, as processing would move it. */
    void settle(String id, String status, String message) {
        Map<String, Object> transaction = transactions.get(id);
        transaction.put("status", status);
        transaction.put("statusMessage", message);
        transaction.put("processedAt", Instant.now().toString());
        if ("PROCESSED".equals(status)) { // what processing fills in: the contract, a serial number per line
            transaction.put("contractNumber", "110000000042");
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> items = (List<Map<String, Object>>) transaction.get("items");
            for (int line = 0; line < items.size(); line++) {
                items.get(line).put("serialNumber", "SN-PROCESSED-" + (line + 1));
            }
        }
    }

    private static Map<String, Object> transaction(String id, String type, Map<String, Object> body) {
        Map<String, Object> transaction = new LinkedHashMap<>();
        transaction.put("id", id);
        transaction.put("object", "transaction");
        transaction.put("creationDate", Instant.now().toString());
        transaction.put("status", "PENDING");
        transaction.put("statusMessage", null);
        transaction.put("orderType", type);
        transaction.put("resellerCsn", "5101234567");
        transaction.put("customerCsn", body.get("customerCsn"));
        transaction.put("customerName", body.get("customerName"));
        transaction.put("contractNumber", body.get("contractNumber"));
        transaction.put("purchaseOrderNumber", body.get("purchaseOrderNumber"));
        transaction.put("purPrice", Map.of("eur", "240.00"));
        List<Map<String, Object>> items = new ArrayList<>();
        for (Object item : (List<?>) body.get("items")) {
            Map<?, ?> typed = (Map<?, ?>) item;
            Map<String, Object> line = new LinkedHashMap<>();
            line.put("sku", typed.get("sku"));
            line.put("articleId", "art_1");
            line.put("quantity", typed.get("quantity"));
            line.put("packSize", 1);
            line.put("price", typed.get("price"));
            line.put("serialNumber", typed.get("serialNumber"));
            items.add(line);
        }
        transaction.put("items", items);
        transaction.put("updatedAt", Instant.now().toString());
        transaction.put("processedAt", null);
        return transaction;
    }

    /** Contract 110003114019 and 29 more. */
    private static List<Map<String, Object>> contracts() {
        List<Map<String, Object>> contracts = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            Map<String, Object> contract = contract();
            contract.put("contractNumber", Long.toString(110003114019L + i));
            contracts.add(contract);
        }
        return contracts;
    }

    private static Map<String, Object> contract() {
        Map<String, Object> contract = new LinkedHashMap<>();
        contract.put("id", "con_1");
        contract.put("object", "contract");
        contract.put("contractNumber", "110003114019");
        contract.put("contractStartDate", "2026-01-01");
        contract.put("contractEndDate", "2026-12-31");
        contract.put("contractTerm", 12);
        contract.put("contractRenewalCounter", 0);
        contract.put("contractType", "SUBSCRIPTION");
        contract.put("customerCsn", "5100000001");
        contract.put("customerName", "Tenant One Oy");
        contract.put("items", List.of());
        contract.put("purPrice", Map.of("eur", "1200.00"));
        contract.put("totalQuantity", 3);
        contract.put("totalSeats", 3);
        return contract;
    }

    private static Map<String, Object> subscription(String serialNumber, String status) {
        Map<String, Object> subscription = new LinkedHashMap<>();
        subscription.put("id", "sub_" + serialNumber);
        subscription.put("object", "subscription");
        subscription.put("serialNumber", serialNumber);
        subscription.put("status", status);
        subscription.put("startDate", "2026-01-01");
        subscription.put("endDate", "2026-12-31");
        subscription.put("contractNumber", "110003114019");
        subscription.put("customerName", "Tenant One Oy");
        subscription.put("renewalSku", "SKU-CAD-1Y");
        subscription.put("description", "CAD Suite");
        subscription.put("quantity", 3);
        subscription.put("packSize", 1);
        subscription.put("seats", 3);
        subscription.put("dimensions", List.of("api_calls"));
        return subscription;
    }

    private static Map<String, Object> opportunity() {
        Map<String, Object> opportunity = new LinkedHashMap<>();
        opportunity.put("id", "opp_1");
        opportunity.put("object", "opportunity");
        opportunity.put("opportunityNumber", "A-97090247");
        opportunity.put("contractNumber", "110003114019");
        opportunity.put("customerName", "Tenant One Oy");
        opportunity.put("salesStatus", "NOT_CONTACTED");
        opportunity.put("subscriptionEndDate", "2026-12-31");
        opportunity.put("items", List.of());
        opportunity.put("purPrice", Map.of("eur", "1200.00"));
        opportunity.put("totalQuantity", 3);
        opportunity.put("totalSeats", 3);
        opportunity.put("version", 1);
        return opportunity;
    }
}
