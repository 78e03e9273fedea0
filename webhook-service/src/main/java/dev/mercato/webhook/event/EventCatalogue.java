package dev.mercato.webhook.event;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Every public webhook event type, its description and the fields of its {@code data}: the object as the REST API
 * shows it. {@link #data} builds {@code data} from a domain event by these fields alone, so a field that is not in
 * the catalogue (an internal version, a column) never leaves the service, and the JSON schema served at
 * {@code GET /api/v1/webhooks/event-types} is made from the same list.
 */
public final class EventCatalogue {

    public static final String TEST = "webhook.test";
    public static final String CUSTOMER_CREATED = "customer.created";
    public static final String CUSTOMER_UPDATED = "customer.updated";
    public static final String OFFER_CREATED = "privateOffer.created";
    public static final String OFFER_ACCEPTED = "privateOffer.accepted";
    public static final String CONTRACT_EXPIRING = "contract.expiring";
    public static final String ENTITLEMENT_UPDATED = "entitlement.updated";
    public static final String TRANSACTION_PROCESSED = "transaction.processed";
    public static final String TRANSACTION_REJECTED = "transaction.rejected";
    public static final String SUBSCRIPTION_CREATED = "subscription.created";
    public static final String SUBSCRIPTION_UPDATED = "subscription.updated";
    public static final String METERING_CONFIRMED = "metering.confirmed";
    public static final String METERING_FAILED = "metering.failed";
    public static final String BALANCE_LOW = "balance.low";
    public static final String INVOICE_FINALIZED = "invoice.finalized";
    public static final String INVOICE_PAID = "invoice.paid";
    public static final String INVOICE_VOIDED = "invoice.voided";
    public static final String ENDPOINT_DISABLED = "endpoint.disabled";

    /** A field of {@code data}: its JSON schema type ({@code string}, {@code integer}, …) and format, if any. */
    public record Field(String name, String type, String format, boolean nullable) {
    }

    /** A public event type. {@code source} names where it comes from: a domain topic, or this service. */
    public record EventType(String name, String description, String source, List<Field> fields) {
    }

    private static final List<Field> CUSTOMER = List.of(str("id"), str("name"), opt("externalId"), opt("customerNumber"),
            opt("countryCode"), obj("address"), opt("segment"), str("status"), opt("currency"), optInt("billingDay"),
            obj("metadata"), time("createdAt"), time("updatedAt"));
    private static final List<Field> OFFER = List.of(str("id"), str("vendor"), str("vendorId"), str("listingId"),
            opt("listingName"), str("customerId"), opt("customerName"), opt("title"), opt("notes"), obj("pricing"),
            str("status"), optTime("expiresAt"), optTime("sentAt"), optTime("acceptedAt"), optTime("declinedAt"),
            optTime("cancelledAt"), optTime("expiredAt"), time("createdAt"), time("updatedAt"));
    private static final List<Field> CONTRACT_NOTICE = List.of(str("contractId"), opt("contractNumber"), str("customerId"),
            opt("customerCsn"), opt("customerName"), opt("resellerCsn"), opt("distributorCsn"), opt("contractManagerEmail"),
            new Field("contractEndDate", "string", "date", false), integer("daysBefore"), integer("daysLeft"),
            integer("totalSeats"), time("notifiedAt"));
    private static final List<Field> ENTITLEMENT = List.of(str("id"), str("customerId"), opt("customerCsn"),
            opt("customerName"), opt("listingId"), opt("sku"), opt("description"), array("dimensions"), integer("seats"),
            optDate("startDate"), optDate("endDate"), str("status"), array("subscriptions"), time("createdAt"),
            time("lastUpdated"));
    private static final List<Field> TRANSACTION = List.of(str("id"), str("status"), opt("statusMessage"), str("orderType"),
            opt("resellerId"), str("customerId"), opt("customerCsn"), opt("customerName"), opt("currency"),
            new Field("price", "number", null, true), opt("contractNumber"), optDate("contractStartDate"),
            optDate("contractEndDate"), optInt("contractTerm"), opt("opportunityNumber"), opt("purchaseOrderNumber"),
            array("items"), time("createdAt"), time("updatedAt"), optTime("processedAt"));
    private static final List<Field> SUBSCRIPTION = List.of(str("id"), str("serialNumber"), str("status"),
            optDate("startDate"), optDate("endDate"), opt("contractId"), opt("contractNumber"), str("customerId"),
            opt("customerCsn"), opt("customerName"), opt("description"), opt("renewalSku"), integer("quantity"),
            integer("packSize"), integer("seats"), opt("listingId"), array("dimensions"), opt("teamId"),
            optTime("retiredAt"), time("createdAt"), time("lastUpdated"));
    private static final List<Field> METERING = List.of(str("id"), str("shape"), opt("vendorId"), opt("listingId"),
            opt("customerId"), str("status"), integer("accepted"), array("rejected"), time("receivedAt"));
    private static final List<Field> BALANCE = List.of(str("customerId"), opt("vendorId"),
            new Field("purchased", "number", null, false), new Field("consumed", "number", null, false),
            new Field("balance", "number", null, false), new Field("threshold", "number", null, false),
            time("changedAt"));
    private static final List<Field> INVOICE = List.of(str("id"), opt("issuerId"), integer("number"), str("customerId"),
            str("period"), date("periodStart"), date("periodEnd"), str("status"), str("currency"),
            new Field("subtotal", "number", null, false), new Field("discountTotal", "number", null, false),
            new Field("total", "number", null, false), array("lines"), optTime("finalizedAt"), optTime("paidAt"),
            optTime("voidedAt"));
    private static final List<Field> ENDPOINT = List.of(str("id"), str("url"), str("reason"), time("disabledAt"));
    private static final List<Field> TEST_DATA = List.of(str("webhookId"), str("message"));

    private static final Map<String, EventType> TYPES = index(List.of(
            new EventType(CUSTOMER_CREATED, "A customer (tenant organization) was created.", "identity.organizations", CUSTOMER),
            new EventType(CUSTOMER_UPDATED, "A customer (tenant organization) changed.", "identity.organizations", CUSTOMER),
            new EventType(OFFER_CREATED, "A private offer was sent to its customer.", "catalog.offers", OFFER),
            new EventType(OFFER_ACCEPTED, "A private offer was accepted by its customer.", "catalog.offers", OFFER),
            new EventType(CONTRACT_EXPIRING, "A contract nears its end date (90, 60 and 30 days before).", "orders.contracts",
                    CONTRACT_NOTICE),
            new EventType(ENTITLEMENT_UPDATED, "What a customer may use of a product changed.", "orders.entitlements",
                    ENTITLEMENT),
            new EventType(TRANSACTION_PROCESSED, "An order was processed.", "orders.transactions", TRANSACTION),
            new EventType(TRANSACTION_REJECTED, "An order was rejected.", "orders.transactions", TRANSACTION),
            new EventType(SUBSCRIPTION_CREATED, "A subscription was created.", "orders.subscriptions", SUBSCRIPTION),
            new EventType(SUBSCRIPTION_UPDATED, "A subscription changed.", "orders.subscriptions", SUBSCRIPTION),
            new EventType(METERING_CONFIRMED, "Every event of a usage report was accepted.", "metering.reports", METERING),
            new EventType(METERING_FAILED, "At least one event of a usage report was rejected.", "metering.reports", METERING),
            new EventType(BALANCE_LOW, "A customer's prepaid token balance with a vendor fell below its threshold"
                    + " (once, until a credit lifts it again).", "metering.balances", BALANCE),
            new EventType(INVOICE_FINALIZED, "An invoice was finalized: numbered, and never changed again.",
                    "billing.invoices", INVOICE),
            new EventType(INVOICE_PAID, "An invoice was paid.", "billing.invoices", INVOICE),
            new EventType(INVOICE_VOIDED, "A finalized invoice was voided (a credit note cancels it).",
                    "billing.invoices", INVOICE),
            new EventType(ENDPOINT_DISABLED, "One of the organization's webhook endpoints was disabled (410 Gone, or "
                    + "failing for days).", "webhook-service", ENDPOINT),
            new EventType(TEST, "A test event sent on request (save and test); never sent otherwise.", "webhook-service",
                    TEST_DATA)));

    private EventCatalogue() {
    }

    public static List<EventType> all() {
        return List.copyOf(TYPES.values());
    }

    public static Optional<EventType> find(String name) {
        return Optional.ofNullable(TYPES.get(name));
    }

    public static boolean exists(String name) {
        return TYPES.containsKey(name);
    }

    /** {@code data} of an event of {@code type}: the catalogue's fields of {@code source}, in catalogue order. */
    public static ObjectNode data(String type, JsonNode source) {
        ObjectNode data = JsonNodeFactory.instance.objectNode();
        for (Field field : TYPES.get(type).fields()) {
            JsonNode value = source.get(field.name());
            data.set(field.name(), value == null ? JsonNodeFactory.instance.nullNode() : value);
        }
        return data;
    }

    /** The JSON schema (draft 2020-12) of the whole payload of {@code type}. */
    public static Map<String, Object> schema(EventType type) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("type", "object");
        Map<String, Object> properties = new LinkedHashMap<>();
        for (Field field : type.fields()) {
            Map<String, Object> property = new LinkedHashMap<>();
            property.put("type", field.nullable() ? List.of(field.type(), "null") : field.type());
            if (field.format() != null) {
                property.put("format", field.format());
            }
            properties.put(field.name(), property);
        }
        data.put("properties", properties);
        data.put("required", type.fields().stream().filter(f -> !f.nullable()).map(Field::name).toList());
        Map<String, Object> schema = new LinkedHashMap<>();
        schema.put("$schema", "https://json-schema.org/draft/2020-12/schema");
        schema.put("title", type.name());
        schema.put("type", "object");
        schema.put("properties", Map.of(
                "id", Map.of("type", "string", "description", "the event's id, the same for every endpoint"),
                "event", Map.of("const", type.name()),
                "timestamp", Map.of("type", "string", "format", "date-time"),
                "data", data));
        schema.put("required", List.of("id", "event", "timestamp", "data"));
        return schema;
    }

    private static Map<String, EventType> index(List<EventType> types) {
        Map<String, EventType> index = new LinkedHashMap<>();
        types.forEach(type -> index.put(type.name(), type));
        return index;
    }

    private static Field str(String name) {
        return new Field(name, "string", null, false);
    }

    private static Field opt(String name) {
        return new Field(name, "string", null, true);
    }

    private static Field time(String name) {
        return new Field(name, "string", "date-time", false);
    }

    private static Field optTime(String name) {
        return new Field(name, "string", "date-time", true);
    }

    private static Field date(String name) {
        return new Field(name, "string", "date", false);
    }

    private static Field optDate(String name) {
        return new Field(name, "string", "date", true);
    }

    private static Field integer(String name) {
        return new Field(name, "integer", null, false);
    }

    private static Field optInt(String name) {
        return new Field(name, "integer", null, true);
    }

    private static Field array(String name) {
        return new Field(name, "array", null, true);
    }

    private static Field obj(String name) {
        return new Field(name, "object", null, true);
    }
}
