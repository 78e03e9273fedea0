package dev.mercato.billing.commission;

import java.math.BigDecimal;
import java.util.List;

/**
 * The commissions of a billing period per beneficiary and currency: what its invoices earned, what credit and
 * debit notes moved (clawbacks negative), the net, and how many invoices contributed.
 */
public record CommissionSummaryResponse(String period, List<Beneficiary> beneficiaries) {

    public record Beneficiary(String organizationId, String name, String kind, String currency, BigDecimal earned,
            BigDecimal adjusted, BigDecimal net, long invoices) {
    }
}
