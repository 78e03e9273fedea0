package dev.mercato.metering.marketplace;

import java.util.Map;

import dev.mercato.platform.events.OrganizationChangedV1;

/**
 * Who a customer is at a marketplace, from its organization's metadata (set when it subscribed there):
 * AWS {@code awsCustomerAccountId} (sent as {@code CustomerAWSAccountId}) or else {@code awsCustomerIdentifier}
 * ({@code CustomerIdentifier}); Azure {@code azureResourceId} and {@code azurePlanId} (the SaaS subscription and
 * its plan), each also as {@code <key>:<listing id>} for a customer with several subscriptions, which wins.
 *
 * @param accountKind AWS's field name for {@code accountId}; null for Azure
 */
record MarketplaceCustomer(String accountKind, String accountId, String planId) {

    static final String AWS_ACCOUNT = "CustomerAWSAccountId";
    static final String AWS_IDENTIFIER = "CustomerIdentifier";

    /** The customer's identity at {@code marketplace} for {@code listingId}, or null when its metadata has none. */
    static MarketplaceCustomer of(OrganizationChangedV1 organization, String marketplace, String listingId) {
        Map<String, Object> metadata = organization == null || organization.metadata() == null ? Map.of()
                : organization.metadata();
        if ("aws".equals(marketplace)) {
            String account = value(metadata, "awsCustomerAccountId", listingId);
            if (account != null) {
                return new MarketplaceCustomer(AWS_ACCOUNT, account, null);
            }
            String identifier = value(metadata, "awsCustomerIdentifier", listingId);
            return identifier == null ? null : new MarketplaceCustomer(AWS_IDENTIFIER, identifier, null);
        }
        String resource = value(metadata, "azureResourceId", listingId);
        String plan = value(metadata, "azurePlanId", listingId);
        return resource == null || plan == null ? null : new MarketplaceCustomer(null, resource, plan);
    }

    private static String value(Map<String, Object> metadata, String key, String listingId) {
        Object value = metadata.getOrDefault(key + ":" + listingId, metadata.get(key));
        if (!(value instanceof String text) || text.isBlank() || text.length() > 256) {
            return null;
        }
        return text;
    }
}
