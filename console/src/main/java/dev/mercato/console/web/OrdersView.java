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

    /** Orders: a page of transactions with its filters and, for a role that writes, the order types to place. */
    public record Transactions(List<Transaction> transactions, Pager pager, ListFilters filters, boolean mayWrite) {

        public List<String> types() {
            return OrderForm.TYPES;
        }

        public List<Choice> statuses() {
            return Choice.among(filters.value("status"), "PENDING", "PROCESSING", "PROCESSED", "REJECTED", "STUCK");
        }

        public List<Choice> orderTypes() {
            return Choice.among(filters.value("orderType"), OrderForm.TYPES);
        }
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

    public record Contracts(List<Contract> contracts, Pager pager, ListFilters filters) {

        public List<Choice> types() {
            return Choice.among(filters.value("contractType"), "SUBSCRIPTION", "FLEX", "MAINTENANCE", "NA");
        }
    }

    public record Subscriptions(List<Subscription> subscriptions, Pager pager, ListFilters filters) {

        public List<Choice> statuses() {
            return Choice.among(filters.value("status"), "ACTIVE", "INACTIVE", "EXPIRED");
        }
    }

    public record Opportunities(List<Opportunity> opportunities, Pager pager, ListFilters filters) {

        public List<Choice> statuses() {
            return Choice.among(filters.value("salesStatus"), SALES_STATUSES);
        }
    }

    private static final List<String> SALES_STATUSES = List.of("NOT_CONTACTED", "RENEWED_WITH_DIST",
            "RENEWED_WITH_RESELLER", "RENEW_BUYING_AS_IS", "RENEW_PARTIAL_RENEWAL", "CHANGE_BOUGHT_NEW_SEAT",
            "CHANGE_M2S_SWITCH", "DELAYED_SALES_PROCESS", "DELAYED_STILL_INTRESTED", "LOST_PARTIAL_RENEWAL",
            "LOST_COMPETITIVE_SOFTWARE", "LOST_DOWNSIZING", "LOST_EU_DOESNT_EXIST", "LOST_NO_BUDGET",
            "LOST_NO_FURTHER_NEED", "LOST_NO_VALUE", "LOST_TO_ADSK_RESELLER", "LOST_TO_AUTODESK",
            "LOST_OTHER_REASON", "CONTACTED_QUOTED", "CONTACTED_QUOTED_PREPARED", "PARTIAL_SWITCH");
}
