package dev.mercato.order.transaction;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * The payload of every order type ({@code POST /api/v1/transactions?type=…}). The fields every order has are
 * checked here; which of the type-specific ones an order type requires or allows is {@link OrderType}'s.
 */
public record PlaceOrderRequest(
        @NotNull LocalDate deliveryDate,
        @NotNull @Size(min = 1, max = 35) String purchaseOrderNumber,
        @NotNull @Size(min = 1, max = 35) String resellerSiteId,
        @Size(min = 10, max = 10, message = "must be exactly 10 characters") String distributorCsn,
        @Email @Size(max = 254) String accountAdminEmail,
        @NotNull @Size(min = 1, max = 35) String contactFirstName,
        @NotNull @Size(min = 1, max = 35) String contactLastName,
        @NotNull @Email @Size(min = 3, max = 254) String contactEmail,
        @Pattern(regexp = "EN|PT|CS|ES|FR|HU|IT|PL|RU", message = "must be one of EN, PT, CS, ES, FR, HU, IT, PL, RU")
        String contactLanguage,
        String contactCountryCode,
        @Size(min = 10, max = 10, message = "must be exactly 10 characters") String customerCsn,
        @Size(min = 1, max = 100) String customerName,
        @Size(min = 1, max = 35) String customerAddressLine1,
        @Size(min = 1, max = 35) String customerAddressLine2,
        @Size(min = 1, max = 35) String customerAddressLine3,
        @Size(min = 1, max = 35) String customerCity,
        @Size(min = 1, max = 35) String customerPostal,
        @Size(min = 1, max = 35) String customerCountry,
        @Size(min = 1, max = 35) String contractNumber,
        LocalDate contractStartDate,
        LocalDate contractEndDate,
        @Size(min = 1, max = 35) String opportunityNumber,
        Boolean partialRenewal,
        @NotEmpty(message = "must name at least one item") List<@NotNull @Valid OrderItemRequest> items) {

    /** The type-specific fields by name, null when absent. */
    Map<String, Object> typeSpecificFields() {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("customerCsn", customerCsn);
        fields.put("customerName", customerName);
        fields.put("customerAddressLine1", customerAddressLine1);
        fields.put("customerAddressLine2", customerAddressLine2);
        fields.put("customerAddressLine3", customerAddressLine3);
        fields.put("customerCity", customerCity);
        fields.put("customerPostal", customerPostal);
        fields.put("customerCountry", customerCountry);
        fields.put("contractNumber", contractNumber);
        fields.put("contractStartDate", contractStartDate);
        fields.put("contractEndDate", contractEndDate);
        fields.put("opportunityNumber", opportunityNumber);
        fields.put("partialRenewal", partialRenewal);
        return fields;
    }
}
