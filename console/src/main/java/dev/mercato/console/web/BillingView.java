package dev.mercato.console.web;

import java.util.List;

import dev.mercato.console.billing.Commission;
import dev.mercato.console.billing.CreditNote;
import dev.mercato.console.billing.Invoice;
import dev.mercato.console.billing.Revenue;

/** The Billing pages' views. {@code mayReadRevenue}: the role's token may read revenue analytics. */
public final class BillingView {

    private BillingView() {
    }

    public record Invoices(List<Invoice> invoices, Pager pager, ListFilters filters, boolean mayReadRevenue) {

        public List<Choice> statuses() {
            return Choice.among(filters.value("status"), "DRAFT", "FINALIZED", "PAID", "VOID");
        }
    }

    public record CreditNotes(List<CreditNote> creditNotes, Pager pager, ListFilters filters, boolean mayReadRevenue) {

        public List<Choice> kinds() {
            return Choice.among(filters.value("kind"), "CREDIT", "DEBIT");
        }

        public List<Choice> reasons() {
            return Choice.among(filters.value("reason"), "VOID", "USAGE_CORRECTION");
        }
    }

    public record Commissions(List<Commission> commissions, Pager pager, ListFilters filters, boolean mayReadRevenue) {

        public List<Choice> sources() {
            return Choice.among(filters.value("source"), "INVOICE", "CREDIT_NOTE");
        }
    }

    /** Revenue: the MRR chart and the months' figures. */
    public record RevenuePage(Revenue revenue, BarChart mrr, boolean mayReadRevenue) {
    }
}
