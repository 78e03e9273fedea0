package dev.mercato.order.contract;

import jakarta.enterprise.context.ApplicationScoped;

import dev.mercato.platform.events.ContractChangedV1;

/** A contract as the API shows it and as its event carries it. */
@ApplicationScoped
public class ContractMapper {

    public ContractResponse toResponse(Contract contract) {
        ContractManager manager = contract.contractManager == null ? new ContractManager() : contract.contractManager;
        return new ContractResponse(contract.id, "contract", contract.contractNumber, contract.contractStartDate,
                contract.contractEndDate, contract.contractTerm, contract.contractRenewalCounter,
                contract.contractType.name(), contract.customer.id, contract.customer.csn, contract.customer.name,
                contract.channel.customerCountry, contract.channel.accountSegment, contract.channel.resellerCsn,
                contract.channel.resellerName, contract.channel.distributorCsn, contract.channel.distributorName,
                manager.email, manager.firstName, manager.lastName, manager.phone,
                contract.items().stream().map(ContractMapper::toResponse).toList(), contract.prices.pur(),
                contract.prices.srp(), contract.totalQuantity, contract.totalSeats, contract.createdAt,
                contract.lastUpdated);
    }

    public ContractChangedV1 toEvent(Contract contract) {
        ContractManager manager = contract.contractManager == null ? new ContractManager() : contract.contractManager;
        return new ContractChangedV1(contract.id, contract.contractNumber, contract.customer.id, contract.customer.csn,
                contract.customer.name, contract.channel.customerCountry, contract.channel.accountSegment,
                contract.channel.resellerCsn, contract.channel.resellerName, contract.channel.distributorCsn,
                contract.channel.distributorName, contract.contractStartDate, contract.contractEndDate,
                contract.contractTerm, contract.contractRenewalCounter, contract.contractType.name(), manager.email,
                manager.firstName, manager.lastName, manager.phone,
                contract.items().stream().map(ContractMapper::toEvent).toList(), contract.prices.pur(),
                contract.prices.srp(), contract.totalQuantity, contract.totalSeats, contract.createdAt,
                contract.lastUpdated, contract.version);
    }

    private static ContractResponse.Item toResponse(ContractItem item) {
        return new ContractResponse.Item(item.serialNumber(), item.renewalSku(), item.description(),
                item.deployment().name(), item.subscriptionEndDate(), item.quantity(), item.seats(), item.packSize(),
                item.prices().pur(), item.prices().srp(), item.totalPrices().pur(), item.totalPrices().srp(),
                item.activationType().name());
    }

    private static ContractChangedV1.ItemV1 toEvent(ContractItem item) {
        return new ContractChangedV1.ItemV1(item.serialNumber(), item.renewalSku(), item.description(),
                item.deployment().name(), item.subscriptionEndDate(), item.quantity(), item.seats(), item.packSize(),
                item.prices().pur(), item.prices().srp(), item.totalPrices().pur(), item.totalPrices().srp(),
                item.activationType().name());
    }
}
