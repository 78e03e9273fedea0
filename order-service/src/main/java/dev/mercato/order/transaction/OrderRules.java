package dev.mercato.order.transaction;

import java.util.ArrayList;
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

    /** Fails with 400 listing every field at fault. */
    static void check(OrderType type, PlaceOrderRequest request) {
        List<FieldError> errors = new ArrayList<>();
        for (Map.Entry<String, Object> field : request.typeSpecificFields().entrySet()) {
            if (field.getValue() == null && type.requires(field.getKey())) {
                errors.add(new FieldError(field.getKey(), "is required for " + type + " orders"));
            }
            if (field.getValue() != null && !type.allows(field.getKey())) {
                errors.add(new FieldError(field.getKey(), "is not part of " + type + " orders"));
            }
        }
        if (request.contactCountryCode() != null && !IsoCodes.isCountry(request.contactCountryCode())) {
            errors.add(new FieldError("contactCountryCode", "must be an ISO 3166-1 alpha-2 country code, e.g. FI"));
        }
        List<OrderItemRequest> items = request.items();
        for (int i = 0; i < items.size(); i++) {
            OrderItemRequest item = items.get(i);
            if (type.itemsNameSubscriptions() && item.serialNumber() == null) {
                errors.add(new FieldError("items[" + i + "].serialNumber", "is required for " + type + " orders"));
            }
            if (!type.itemsNameSubscriptions() && item.serialNumber() != null) {
                errors.add(new FieldError("items[" + i + "].serialNumber", "is not part of " + type + " orders"));
            }
        }
        if (!errors.isEmpty()) {
            throw ApiException.badRequest("Invalid request parameters", errors);
        }
    }

    /** A business rule the order breaks: 422, naming the field at fault. */
    static ApiException unprocessable(String field, String message) {
        return new ApiException(422, "The order cannot be placed", List.of(new FieldError(field, message)));
    }
}
