package dev.mercato.console.order;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * A dry run's answer ({@code POST /api/v1/transactions?type=…&dryRun=true}): the transaction as it would be placed,
 * whether processing would accept it, and the contract and subscriptions it would leave. Nothing was stored.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record DryRun(Transaction transaction, String outcome, String outcomeMessage, Contract contract,
        List<Subscription> subscriptions) {

    public boolean accepted() {
        return "PROCESSED".equals(outcome);
    }
}
