package dev.mercato.console.billing;

import java.math.BigDecimal;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * The commissions of one billing period ({@code /api/v1/commissions/summary}), per beneficiary and currency: what its
 * invoices earned, what credit and debit notes moved, and the net.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record CommissionSummary(String period, List<Beneficiary> beneficiaries) {

    public CommissionSummary {
        beneficiaries = beneficiaries == null ? List.of() : beneficiaries;
    }

    /** One beneficiary's commissions in one currency. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Beneficiary(String organizationId, String name, String kind, String currency, BigDecimal earned,
            BigDecimal adjusted, BigDecimal net, long invoices) {
    }
}
