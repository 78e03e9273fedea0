package dev.mercato.order.opportunity;

import jakarta.enterprise.context.ApplicationScoped;

import dev.mercato.order.contract.ContractManager;
import dev.mercato.platform.events.OpportunityChangedV1;

/** An opportunity as the API shows it and as its event carries it. */
@ApplicationScoped
public class OpportunityMapper {

    public OpportunityResponse toResponse(Opportunity opportunity) {
        ContractManager contact = contactOf(opportunity);
        return new OpportunityResponse(opportunity.id, "opportunity", opportunity.opportunityNumber,
                opportunity.contractNumber, opportunity.contractRenewalCounter, opportunity.contractTerm,
                opportunity.contractType.name(), opportunity.customer.id, opportunity.customer.csn,
                opportunity.customer.name, opportunity.channel.customerCountry, opportunity.channel.accountSegment,
                opportunity.channel.resellerCsn, opportunity.channel.resellerName, opportunity.channel.distributorCsn,
                opportunity.channel.distributorName, contact.email, contact.firstName, contact.lastName, contact.phone,
                opportunity.salesStatus.name(), opportunity.subscriptionEndDate,
                opportunity.items().stream().map(OpportunityMapper::toResponse).toList(), opportunity.prices.pur(),
                opportunity.prices.srp(), opportunity.totalQuantity, opportunity.totalSeats, opportunity.closedAt,
                opportunity.createdAt, opportunity.lastUpdated, opportunity.version);
    }

    public OpportunityChangedV1 toEvent(Opportunity opportunity) {
        ContractManager contact = contactOf(opportunity);
        return new OpportunityChangedV1(opportunity.id, opportunity.opportunityNumber, opportunity.contractId,
                opportunity.contractNumber, opportunity.contractRenewalCounter, opportunity.contractTerm,
                opportunity.contractType.name(), opportunity.customer.id, opportunity.customer.csn,
                opportunity.customer.name, opportunity.channel.customerCountry, opportunity.channel.accountSegment,
                opportunity.channel.resellerCsn, opportunity.channel.resellerName, opportunity.channel.distributorCsn,
                opportunity.channel.distributorName, contact.email, contact.firstName, contact.lastName, contact.phone,
                opportunity.salesStatus.name(), opportunity.subscriptionEndDate,
                opportunity.items().stream().map(OpportunityMapper::toEvent).toList(), opportunity.prices.pur(),
                opportunity.prices.srp(), opportunity.totalQuantity, opportunity.totalSeats, opportunity.closedAt,
                opportunity.createdAt, opportunity.lastUpdated, opportunity.version);
    }

    private static OpportunityResponse.Item toResponse(OpportunityItem item) {
        return new OpportunityResponse.Item(item.serialNumber(), item.deployment().name(), item.renewalSku(),
                item.description(), item.quantity(), item.seats(), item.packSize(), item.prices().pur(),
                item.prices().srp(), item.totalPrices().pur(), item.totalPrices().srp());
    }

    private static OpportunityChangedV1.ItemV1 toEvent(OpportunityItem item) {
        return new OpportunityChangedV1.ItemV1(item.serialNumber(), item.deployment().name(), item.renewalSku(),
                item.description(), item.quantity(), item.seats(), item.packSize(), item.prices().pur(),
                item.prices().srp(), item.totalPrices().pur(), item.totalPrices().srp());
    }

    private static ContractManager contactOf(Opportunity opportunity) {
        return opportunity.contact == null ? new ContractManager() : opportunity.contact;
    }
}
