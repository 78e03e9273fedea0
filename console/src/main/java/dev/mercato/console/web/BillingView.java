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

    public record Invoices(List<Invoice> invoices, Pager pager, List<Choice> statuses, boolean mayReadRevenue) {
    }

    public record CreditNotes(List<CreditNote> creditNotes, Pager pager, List<Choice> kinds, boolean mayReadRevenue) {
    }

    public record Commissions(List<Commission> commissions, Pager pager, String period, boolean mayReadRevenue) {
    }

    /** Revenue: the MRR chart and the months' figures. */
    public record RevenuePage(Revenue revenue, BarChart mrr, boolean mayReadRevenue) {
    }
}
