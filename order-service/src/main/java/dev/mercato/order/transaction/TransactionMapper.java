package dev.mercato.order.transaction;

import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import dev.mercato.platform.events.TransactionChangedV1;

/** A transaction as the API shows it and as its event carries it. */
@ApplicationScoped
public class TransactionMapper {

    public TransactionResponse toResponse(OrderTransaction t) {
        return new TransactionResponse(t.id, "transaction", t.createdAt, t.status.name(), t.statusMessage,
                t.orderType.name(), t.resellerCsn, t.resellerName, t.resellerSiteId, t.distributorCsn, t.currency,
                t.customerId, t.customerCsn, t.customerName, t.customerAddressLine1, t.customerAddressLine2,
                t.customerAddressLine3, t.customerCity, t.customerPostal, t.customerCountry, t.contactEmail,
                t.contactFirstName, t.contactLastName, t.contactLanguage, t.contactCountryCode, t.opportunityNumber,
                t.contractNumber, t.contractEndDate, t.contractStartDate, t.contractTerm, t.partialRenewal,
                t.quantity, t.accountAdminEmail, t.userId, t.deliveryDate, t.purchaseOrderNumber,
                Map.of(t.currency, t.price), List.copyOf(t.items.lines()), t.updatedAt, t.processedAt);
    }

    public TransactionChangedV1 toEvent(OrderTransaction t) {
        List<TransactionChangedV1.ItemV1> items = t.items.lines().stream()
                .map(item -> new TransactionChangedV1.ItemV1(item.sku(), item.articleId(), item.quantity(),
                        item.packSize(), item.price(), item.serialNumber()))
                .toList();
        return new TransactionChangedV1(t.id, t.status.name(), t.statusMessage, t.orderType.name(), t.resellerId,
                t.resellerSiteId, t.customerId, t.customerCsn, t.customerName, t.currency, t.price, t.contractNumber,
                t.contractStartDate, t.contractEndDate, t.contractTerm, t.opportunityNumber, t.partialRenewal,
                t.contactEmail, t.contactFirstName, t.contactLastName, t.purchaseOrderNumber, t.deliveryDate, items,
                t.attempt, t.createdAt, t.updatedAt, t.processedAt, t.version);
    }
}
