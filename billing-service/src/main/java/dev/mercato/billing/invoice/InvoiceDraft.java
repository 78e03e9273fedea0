package dev.mercato.billing.invoice;

import java.util.List;

import dev.mercato.billing.rating.BillingPeriod;
import dev.mercato.billing.rating.RatedLine;
import dev.mercato.pricing.Money;

/**
 * An invoice as a billing run computes it, before it is stored (or, in a dry run, instead): its customer,
 * issuer, period and rated lines; the totals are sums of the rounded lines.
 */
public record InvoiceDraft(String id, String issuerId, String customerId, String customerPath, BillingPeriod period,
        String currency, List<RatedLine> lines) {

    public Money subtotal() {
        return lines.stream().map(line -> line.price().list()).reduce(Money.zero(currency), Money::plus);
    }

    public Money discountTotal() {
        return lines.stream().map(line -> line.price().discount()).reduce(Money.zero(currency), Money::plus);
    }

    public Money total() {
        return lines.stream().map(line -> line.price().total()).reduce(Money.zero(currency), Money::plus);
    }
}
