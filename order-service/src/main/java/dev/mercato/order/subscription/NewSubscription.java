package dev.mercato.order.subscription;

import java.time.LocalDate;
import java.util.List;

/**
 * A subscription to create in a contract: the article it is of and how much of it. Seats are
 * {@code quantity × packSize}. Dates left null take the contract's (a subscription added to a running
 * contract starts today and is co-termed to the contract's end date). {@code prices} are for one quantity.
 * Start from {@link #of} and add what the order says with the {@code with…} methods.
 */
public record NewSubscription(
        String renewalSku,
        String description,
        String productLineCode,
        Deployment deployment,
        ActivationType activationType,
        int quantity,
        int packSize,
        Prices prices,
        LocalDate startDate,
        LocalDate endDate,
        String listingId,
        List<String> dimensions,
        String teamName,
        String primaryAdminEmail,
        String primaryAdminFirstName,
        String primaryAdminLastName) {

    public NewSubscription {
        if (renewalSku == null || renewalSku.isBlank() || quantity < 1 || packSize < 1) {
            throw new IllegalArgumentException("a subscription needs a SKU, a quantity and a pack size of at least 1");
        }
        deployment = deployment == null ? Deployment.SINGLE_USER : deployment;
        activationType = activationType == null ? ActivationType.SIGN_ON : activationType;
        prices = prices == null ? Prices.NONE : prices;
        dimensions = dimensions == null ? List.of() : List.copyOf(dimensions);
    }

    /** {@code quantity} of the article {@code sku}, single-user, signed on, at {@code prices} per quantity. */
    public static NewSubscription of(String sku, int quantity, int packSize, Prices prices) {
        return new NewSubscription(sku, null, null, null, null, quantity, packSize, prices, null, null, null, null,
                null, null, null, null);
    }

    public NewSubscription withProduct(String description, String productLineCode, Deployment deployment,
            ActivationType activationType) {
        return new NewSubscription(renewalSku, description, productLineCode, deployment, activationType, quantity,
                packSize, prices, startDate, endDate, listingId, dimensions, teamName, primaryAdminEmail,
                primaryAdminFirstName, primaryAdminLastName);
    }

    public NewSubscription withDates(LocalDate startDate, LocalDate endDate) {
        return new NewSubscription(renewalSku, description, productLineCode, deployment, activationType, quantity,
                packSize, prices, startDate, endDate, listingId, dimensions, teamName, primaryAdminEmail,
                primaryAdminFirstName, primaryAdminLastName);
    }

    /** The metered listing it gives use of, and which of its dimensions. */
    public NewSubscription withListing(String listingId, List<String> dimensions) {
        return new NewSubscription(renewalSku, description, productLineCode, deployment, activationType, quantity,
                packSize, prices, startDate, endDate, listingId, dimensions, teamName, primaryAdminEmail,
                primaryAdminFirstName, primaryAdminLastName);
    }

    /** The customer's team it joins (created when the customer has none of that name) and its primary admin. */
    public NewSubscription withTeam(String teamName, String adminEmail, String adminFirstName, String adminLastName) {
        return new NewSubscription(renewalSku, description, productLineCode, deployment, activationType, quantity,
                packSize, prices, startDate, endDate, listingId, dimensions, teamName, adminEmail, adminFirstName,
                adminLastName);
    }
}
