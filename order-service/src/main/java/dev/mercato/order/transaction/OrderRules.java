package dev.mercato.order.transaction;

import java.util.List;
import java.util.Map;

import dev.mercato.platform.api.ApiException;
import dev.mercato.platform.api.FieldError;
import dev.mercato.platform.validation.IsoCodes;

/**
 * The payload rules Bean Validation cannot say: which type-specific fields an order type requires and allows,
 * the contact's country code, and whether items carry serial numbers. Each refusal is a 400 naming the field.
 */
final class OrderRules {

    private OrderRules() {
    }

    static void check(OrderType type, PlaceOrderRequest request) {
        for (Map.Entry<String, Object> field : request.typeSpecificFields().entrySet()) {
            if (field.getValue() == null && type.requires(field.getKey())) {
                throw ApiException.invalidField(field.getKey(), "is required for " + type + " orders");
            }
            if (field.getValue() != null && !type.allows(field.getKey())) {
                throw ApiException.invalidField(field.getKey(), "is not part of " + type + " orders");
            }
        }
        if (request.contactCountryCode() != null && !IsoCodes.isCountry(request.contactCountryCode())) {
            throw ApiException.invalidField("contactCountryCode", "must be an ISO 3166-1 alpha-2 country code, e.g. FI");
        }
        List<OrderItemRequest> items = request.items();
        for (int i = 0; i < items.size(); i++) {
            OrderItemRequest item = items.get(i);
            if (type.itemsNameSubscriptions() && item.serialNumber() == null) {
                throw ApiException.invalidField("items[" + i + "].serialNumber", "is required for " + type + " orders");
            }
            if (!type.itemsNameSubscriptions() && item.serialNumber() != null) {
                throw ApiException.invalidField("items[" + i + "].serialNumber", "is not part of " + type + " orders");
            }
        }
    }

    /** A business rule the order breaks: 422, naming the field at fault. */
    static ApiException unprocessable(String field, String message) {
        return new ApiException(422, "The order cannot be placed", List.of(new FieldError(field, message)));
    }
}
