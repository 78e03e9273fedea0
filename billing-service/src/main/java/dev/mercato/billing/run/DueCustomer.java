package dev.mercato.billing.run;

import dev.mercato.billing.rating.BillingPeriod;

/**
 * A customer to bill in a run: its invoice currency, its billing period, and the organization that issues
 * its invoices (its parent; a customer without one issues its own).
 */
record DueCustomer(String id, String issuerId, String path, String currency, int billingDay, BillingPeriod period) {
}
