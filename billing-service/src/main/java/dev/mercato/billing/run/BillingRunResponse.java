package dev.mercato.billing.run;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

import dev.mercato.billing.invoice.InvoiceResponse;

/**
 * What a billing run did (or, in a dry run, would do): the invoices it created and finalized, the customers it
 * left out and why. A dry run lists every invoice with its lines; a stored run lists the new invoices' ids.
 *
 * @param id               null for a dry run
 * @param alreadyInvoiced  customers of the period that have an invoice already (a repeated run: all of them)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record BillingRunResponse(String id, String period, boolean dryRun, int invoicesCreated, int invoicesFinalized,
        int alreadyInvoiced, List<Skipped> skipped, List<String> invoiceIds, List<InvoiceResponse> invoices) {

    /** A customer the run did not bill, and why (its period has not ended, nothing to bill, a price it cannot rate). */
    public record Skipped(String customerId, String reason) {
    }
}
