package dev.mercato.order.contract;

import java.time.LocalDate;

/**
 * The terms of a contract to create, as transaction processing worked them out (term and dates from the
 * article and the order's contract start date; the contract manager from the order).
 *
 * @param contractTerm months
 */
public record NewContract(
        LocalDate contractStartDate,
        LocalDate contractEndDate,
        int contractTerm,
        ContractType contractType,
        String contractManagerEmail,
        String contractManagerFirstName,
        String contractManagerLastName,
        String contractManagerPhone) {

    public NewContract {
        if (contractStartDate == null || contractEndDate == null || contractEndDate.isBefore(contractStartDate)) {
            throw new IllegalArgumentException("a contract needs a start date and an end date not before it");
        }
        if (contractTerm < 1 || contractType == null) {
            throw new IllegalArgumentException("a contract needs a term of at least a month and a type");
        }
    }
}
