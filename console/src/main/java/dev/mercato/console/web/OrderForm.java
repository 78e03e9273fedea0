package dev.mercato.console.web;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import dev.mercato.console.session.SessionStore;
import io.quarkus.qute.TemplateData;

/**
 * The order form, one model for every order type: the fields every order has, the fields of the chosen type, and item
 * rows (with the serial number of the subscription changed, for the types that change one). What the form sends is
 * what was typed; which fields a type requires and what a value must look like is the API's to say, next to the field.
 */
public final class OrderForm {

    /** The order types, in the order the form offers them. */
    static final List<String> TYPES = List.of("INITIAL", "ADD_SEAT", "ADD_PRODUCT", "EXTEND", "MULTI_USER_TRADE_IN",
            "RENEWAL", "S2S");
    static final int ITEM_ROWS = 3;
    private static final Pattern WHOLE_NUMBER = Pattern.compile("-?\\d{1,9}");
    /** What an Idempotency-Key may be (docs/API.md): 1–255 visible ASCII characters. */
    private static final Pattern KEY = Pattern.compile("[\\x21-\\x7e]{1,255}");

    /** How a field is shown: its label, input type and a hint. */
    record Spec(String name, String label, String input, String hint) {
    }

    private static final List<Spec> COMMON = List.of(
            new Spec("deliveryDate", "Delivery date", "date", ""),
            new Spec("purchaseOrderNumber", "Purchase order number", "text", "Your reference, up to 35 characters"),
            new Spec("resellerSiteId", "Reseller site id", "text", ""),
            new Spec("contactFirstName", "Contact's first name", "text", ""),
            new Spec("contactLastName", "Contact's last name", "text", ""),
            new Spec("contactEmail", "Contact's e-mail", "email", ""),
            new Spec("contactLanguage", "Contact's language", "text", "Optional: EN, FR, ES, …"),
            new Spec("contactCountryCode", "Contact's country", "text", "Optional: two letters, e.g. FI"));

    private static final Map<String, Spec> TYPE_FIELDS = specs(
            new Spec("customerCsn", "Customer number (CSN)", "text", "10 characters"),
            new Spec("customerName", "Customer name", "text", ""),
            new Spec("customerAddressLine1", "Customer address", "text", "Optional"),
            new Spec("customerCity", "Customer city", "text", "Optional"),
            new Spec("customerPostal", "Customer postal code", "text", "Optional"),
            new Spec("customerCountry", "Customer country", "text", "Optional"),
            new Spec("contractNumber", "Contract number", "text", "12 digits"),
            new Spec("contractStartDate", "Contract start date", "date", "Optional"),
            new Spec("contractEndDate", "New contract end date", "date", ""),
            new Spec("opportunityNumber", "Opportunity number", "text", "A- and 8 digits"),
            new Spec("partialRenewal", "Renew only the subscriptions listed below", "checkbox", ""));

    /** The type's own fields, as order-service's README lists them per type. */
    private static final Map<String, List<String>> FIELDS_OF_TYPE = Map.of(
            "INITIAL", List.of("customerCsn", "customerName", "contractStartDate", "customerAddressLine1", "customerCity",
                    "customerPostal", "customerCountry"),
            "ADD_SEAT", List.of("contractNumber"),
            "ADD_PRODUCT", List.of("contractNumber", "contractStartDate"),
            "EXTEND", List.of("contractNumber", "contractEndDate"),
            "MULTI_USER_TRADE_IN", List.of("contractNumber", "contractEndDate", "opportunityNumber"),
            "RENEWAL", List.of("opportunityNumber", "partialRenewal"),
            "S2S", List.of("contractNumber"));

    /** The types whose items name the subscription they change. */
    private static final Set<String> ITEMS_NAME_SUBSCRIPTIONS = Set.of("ADD_SEAT", "EXTEND", "MULTI_USER_TRADE_IN",
            "RENEWAL", "S2S");

    /** A control of the form as the page shows it. */
    @TemplateData
    public record Field(String name, String id, String label, String input, String value, String hint, String error) {

        public boolean checkbox() {
            return "checkbox".equals(input);
        }

        public boolean checked() {
            return "true".equals(value);
        }

        public boolean invalid() {
            return !error.isEmpty();
        }
    }

    /** One item row: its number (from 1) and its controls. */
    @TemplateData
    public record ItemRow(int number, List<Field> fields) {
    }

    private final String type;
    private final String key;
    private final Map<String, String> values;
    private final List<Map<String, String>> rows;

    private OrderForm(String type, String key, Map<String, String> values, List<Map<String, String>> rows) {
        this.type = type;
        this.key = key;
        this.values = values;
        this.rows = rows;
    }

    /** An empty form of {@code type} (INITIAL when it is not one), with a new key. */
    static OrderForm empty(String type) {
        return new OrderForm(known(type), SessionStore.randomToken(), Map.of(), List.of());
    }

    static OrderForm of(OrderInput input) {
        Map<String, List<String>> columns = input.itemColumns();
        List<Map<String, String>> rows = new ArrayList<>();
        for (int row = 0; row < ITEM_ROWS; row++) {
            Map<String, String> item = new LinkedHashMap<>();
            for (Map.Entry<String, List<String>> column : columns.entrySet()) {
                item.put(column.getKey(), row < column.getValue().size() ? column.getValue().get(row) : null);
            }
            rows.add(item);
        }
        String key = input.orderKey != null && KEY.matcher(input.orderKey).matches() ? input.orderKey
                : SessionStore.randomToken();
        return new OrderForm(known(input.type), key, input.fields(), rows);
    }

    private static String known(String type) {
        return type != null && TYPES.contains(type) ? type : TYPES.get(0);
    }

    String type() {
        return type;
    }

    /**
     * The form's key: made when the form is first shown and kept through previews and refusals, it is the order's
     * Idempotency-Key, so the form sent twice (a double click, a reload) places one order.
     */
    String key() {
        return key;
    }

    /**
     * The payload of {@code POST /api/v1/transactions}: the fields of this type that were filled in, as typed (a
     * checked box as {@code true}), and the item rows up to the last one filled in (a quantity of digits as a number,
     * anything else as typed, for the API to judge).
     */
    Map<String, Object> payload() {
        Map<String, Object> payload = new LinkedHashMap<>();
        for (Spec spec : shownFields()) {
            String value = typed(values.get(spec.name()));
            if (value != null) {
                payload.put(spec.name(), spec.input().equals("checkbox") ? Boolean.valueOf("true".equals(value)) : value);
            }
        }
        List<Map<String, Object>> items = new ArrayList<>();
        int last = -1;
        for (int row = 0; row < rows.size(); row++) {
            if (rows.get(row).values().stream().anyMatch(value -> typed(value) != null)) {
                last = row;
            }
        }
        for (int row = 0; row <= last; row++) {
            Map<String, Object> item = new LinkedHashMap<>();
            for (String column : itemColumns()) {
                String value = typed(rows.get(row).get(column));
                if (value != null) {
                    item.put(column, column.equals("quantity") && WHOLE_NUMBER.matcher(value).matches()
                            ? Integer.valueOf(value) : value);
                }
            }
            items.add(item);
        }
        payload.put("items", items);
        return payload;
    }

    /** The names of this form's controls, as the API names them in {@code errors[].field}. */
    Set<String> fieldNames() {
        Set<String> names = new HashSet<>();
        shownFields().forEach(spec -> names.add(spec.name()));
        names.add("items");
        for (int row = 0; row < ITEM_ROWS; row++) {
            for (String column : itemColumns()) {
                names.add(itemField(row, column));
            }
        }
        return names;
    }

    List<Field> fields(FormErrors errors) {
        return shownFields().stream().map(spec -> new Field(spec.name(), "order-" + spec.name(), spec.label(),
                spec.input(), value(values.get(spec.name())), spec.hint(), errors.of(spec.name()))).toList();
    }

    List<ItemRow> items(FormErrors errors) {
        List<ItemRow> items = new ArrayList<>();
        for (int row = 0; row < ITEM_ROWS; row++) {
            Map<String, String> typed = row < rows.size() ? rows.get(row) : Map.of();
            List<Field> fields = new ArrayList<>();
            for (String column : itemColumns()) {
                fields.add(new Field(column, "item-" + (row + 1) + "-" + column, itemLabel(column), "text",
                        value(typed.get(column)), "", errors.of(itemField(row, column))));
            }
            items.add(new ItemRow(row + 1, fields));
        }
        return items;
    }

    private List<Spec> shownFields() {
        List<Spec> shown = new ArrayList<>(COMMON);
        FIELDS_OF_TYPE.get(type).forEach(name -> shown.add(TYPE_FIELDS.get(name)));
        return shown;
    }

    boolean itemsNameSubscriptions() {
        return ITEMS_NAME_SUBSCRIPTIONS.contains(type);
    }

    private List<String> itemColumns() {
        return ITEMS_NAME_SUBSCRIPTIONS.contains(type) ? List.of("sku", "quantity", "price", "serialNumber")
                : List.of("sku", "quantity", "price");
    }

    private static String itemField(int row, String column) {
        return "items[" + row + "]." + column;
    }

    private static String itemLabel(String column) {
        return switch (column) {
            case "sku" -> "SKU";
            case "quantity" -> "Quantity";
            case "price" -> "Total price";
            default -> "Subscription (serial number)";
        };
    }

    private static String typed(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static String value(String value) {
        return value == null ? "" : value;
    }

    private static Map<String, Spec> specs(Spec... specs) {
        Map<String, Spec> byName = new LinkedHashMap<>();
        for (Spec spec : specs) {
            byName.put(spec.name(), spec);
        }
        return byName;
    }
}
