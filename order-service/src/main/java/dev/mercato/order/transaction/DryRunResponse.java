package dev.mercato.order.transaction;

import java.util.List;

import dev.mercato.order.contract.ContractResponse;
import dev.mercato.order.subscription.SubscriptionResponse;

/**
 * A dry run's answer: the transaction as it would be placed (no {@code id}, {@code PENDING}) and what processing
 * it would do, computed on the data as it is now.
 *
 * @param outcome       PROCESSED, or REJECTED with {@code outcomeMessage} saying why
 * @param contract      the contract after processing (new for an INITIAL order); null when rejected
 * @param subscriptions every subscription of that contract after processing, by serial number; numbers a dry run
 *                      shows for new contracts and subscriptions are never used (the real order draws its own)
 */
public record DryRunResponse(TransactionResponse transaction, String outcome, String outcomeMessage,
        ContractResponse contract, List<SubscriptionResponse> subscriptions) {
}
