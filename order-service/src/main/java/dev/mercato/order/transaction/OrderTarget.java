package dev.mercato.order.transaction;

import java.util.Map;

import dev.mercato.order.account.Account;
import dev.mercato.order.contract.Contract;
import dev.mercato.order.subscription.Subscription;

/**
 * What an order is placed on: the customer's account, and for a change of an existing contract that contract
 * and the subscriptions its items name (by serial number).
 */
record OrderTarget(Account customer, Contract contract, Map<String, Subscription> subscriptions) {

    static OrderTarget newContract(Account customer) {
        return new OrderTarget(customer, null, Map.of());
    }
}
