package dev.mercato.console.web;

import java.util.List;

import dev.mercato.console.order.Contract;
import dev.mercato.console.order.DryRun;
import dev.mercato.console.order.Opportunity;
import dev.mercato.console.order.Subscription;
import dev.mercato.console.order.Transaction;

/** The Orders pages' views: the transactions, the order form, one transaction, and the lists that follow from orders. */
public final class OrdersView {

    private OrdersView() {
    }

    /** Orders: the latest transactions and, for a role that writes, the order types to place. */
    public record Transactions(List<Transaction> transactions, Pager pager, List<Choice> statuses, boolean mayWrite,
            List<String> types) {
    }

    /**
     * The order form of one type: its controls with what was typed and the API's refusals, the refusal's other
     * messages, and the dry run's answer when the form was previewed.
     */
    public record Form(String type, String key, List<Choice> types, List<OrderForm.Field> fields, List<OrderForm.ItemRow> items,
            boolean itemsNameSubscriptions, String itemsError, FormErrors errors, DryRun preview) {
    }

    /** One transaction, and whether the role may retry it when it is stuck. */
    public record TransactionPage(Transaction transaction, boolean mayWrite) {
    }

    public record Contracts(List<Contract> contracts, Pager pager, List<Choice> types) {
    }

    public record Subscriptions(List<Subscription> subscriptions, Pager pager, List<Choice> statuses) {
    }

    public record Opportunities(List<Opportunity> opportunities, Pager pager, List<Choice> statuses) {
    }
}
