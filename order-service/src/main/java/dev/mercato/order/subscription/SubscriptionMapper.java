package dev.mercato.order.subscription;

import jakarta.enterprise.context.ApplicationScoped;

import dev.mercato.order.contract.ContractManager;
import dev.mercato.platform.events.SubscriptionChangedV1;

/** A subscription as the API shows it and as its event carries it. */
@ApplicationScoped
public class SubscriptionMapper {

    public SubscriptionResponse toResponse(Subscription subscription) {
        ContractManager manager = managerOf(subscription);
        Prices total = subscription.prices.times(subscription.quantity);
        return new SubscriptionResponse(subscription.id, "subscription", subscription.serialNumber,
                subscription.status.name(), subscription.startDate, subscription.endDate,
                subscription.opportunityNumber, subscription.contractNumber, subscription.contractStartDate,
                subscription.contractEndDate, subscription.contractTerm, subscription.contractType.name(),
                subscription.customer.id, subscription.customer.csn, subscription.customer.name,
                subscription.channel.customerCountry, subscription.channel.accountSegment,
                subscription.channel.resellerCsn, subscription.channel.resellerName,
                subscription.channel.distributorCsn, subscription.channel.distributorName, manager.email,
                manager.firstName, manager.lastName, manager.phone, subscription.activationType.name(),
                subscription.deployment.name(), subscription.renewalSku, subscription.description,
                subscription.productLineCode, subscription.quantity, subscription.packSize, subscription.seats,
                subscription.prices.pur(), subscription.prices.srp(), total.pur(), total.srp(),
                subscription.primaryAdminEmail, subscription.primaryAdminFirstName, subscription.primaryAdminLastName,
                subscription.teamId, subscription.teamName, subscription.listingId, subscription.dimensions(),
                subscription.retiredAt, subscription.createdAt, subscription.lastUpdated);
    }

    public SubscriptionChangedV1 toEvent(Subscription subscription) {
        ContractManager manager = managerOf(subscription);
        Prices total = subscription.prices.times(subscription.quantity);
        return new SubscriptionChangedV1(subscription.id, subscription.serialNumber, subscription.status.name(),
                subscription.startDate, subscription.endDate, subscription.opportunityNumber, subscription.contractId,
                subscription.contractNumber, subscription.contractStartDate, subscription.contractEndDate,
                subscription.contractTerm, subscription.contractType.name(), subscription.customer.id,
                subscription.customer.csn, subscription.customer.name, subscription.channel.customerCountry,
                subscription.channel.accountSegment, subscription.channel.resellerCsn,
                subscription.channel.resellerName, subscription.channel.distributorCsn,
                subscription.channel.distributorName, manager.email, manager.firstName, manager.lastName,
                manager.phone, subscription.activationType.name(), subscription.deployment.name(),
                subscription.renewalSku, subscription.description, subscription.productLineCode,
                subscription.quantity, subscription.packSize, subscription.seats, subscription.prices.pur(),
                subscription.prices.srp(), total.pur(), total.srp(), subscription.primaryAdminEmail,
                subscription.primaryAdminFirstName, subscription.primaryAdminLastName, subscription.teamId,
                subscription.teamName, subscription.listingId, subscription.dimensions(), subscription.retiredAt,
                subscription.createdAt, subscription.lastUpdated, subscription.version);
    }

    private static ContractManager managerOf(Subscription subscription) {
        return subscription.contractManager == null ? new ContractManager() : subscription.contractManager;
    }
}
