package dev.mercato.console.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jboss.resteasy.reactive.RestForm;

/** The order form as posted: every field any order type has, and the item rows (one value per row and column). */
public class OrderInput {

    @RestForm
    public String type;
    @RestForm
    public String action;
    /** The form's own key, sent as the order's Idempotency-Key. */
    @RestForm
    public String orderKey;
    @RestForm
    public String deliveryDate;
    @RestForm
    public String purchaseOrderNumber;
    @RestForm
    public String resellerSiteId;
    @RestForm
    public String contactFirstName;
    @RestForm
    public String contactLastName;
    @RestForm
    public String contactEmail;
    @RestForm
    public String contactLanguage;
    @RestForm
    public String contactCountryCode;
    @RestForm
    public String customerCsn;
    @RestForm
    public String customerName;
    @RestForm
    public String customerAddressLine1;
    @RestForm
    public String customerCity;
    @RestForm
    public String customerPostal;
    @RestForm
    public String customerCountry;
    @RestForm
    public String contractNumber;
    @RestForm
    public String contractStartDate;
    @RestForm
    public String contractEndDate;
    @RestForm
    public String opportunityNumber;
    @RestForm
    public String partialRenewal;
    @RestForm
    public List<String> sku;
    @RestForm
    public List<String> quantity;
    @RestForm
    public List<String> price;
    @RestForm
    public List<String> serialNumber;

    /** The single fields by their API name, as typed (null when not sent). */
    Map<String, String> fields() {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("deliveryDate", deliveryDate);
        fields.put("purchaseOrderNumber", purchaseOrderNumber);
        fields.put("resellerSiteId", resellerSiteId);
        fields.put("contactFirstName", contactFirstName);
        fields.put("contactLastName", contactLastName);
        fields.put("contactEmail", contactEmail);
        fields.put("contactLanguage", contactLanguage);
        fields.put("contactCountryCode", contactCountryCode);
        fields.put("customerCsn", customerCsn);
        fields.put("customerName", customerName);
        fields.put("customerAddressLine1", customerAddressLine1);
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

    /** The item columns by their API name, one value per row. */
    Map<String, List<String>> itemColumns() {
        Map<String, List<String>> columns = new LinkedHashMap<>();
        columns.put("sku", sku == null ? List.of() : sku);
        columns.put("quantity", quantity == null ? List.of() : quantity);
        columns.put("price", price == null ? List.of() : price);
        columns.put("serialNumber", serialNumber == null ? List.of() : serialNumber);
        return columns;
    }
}
