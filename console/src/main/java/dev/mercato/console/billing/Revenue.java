package dev.mercato.console.billing;

import java.math.BigDecimal;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** Revenue analytics ({@code /api/v1/analytics/revenue}): MRR, ARR and their movements per month, in one currency. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Revenue(String from, String to, String currency, List<Month> months) {

    /** One month, as of its last day. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Month(String month, int subscriptions, int customers, Figures totals) {
    }

    /** MRR at the month's end, ARR, and the movements since the month before. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Figures(BigDecimal mrr, BigDecimal arr, BigDecimal newMrr, BigDecimal expansionMrr,
            BigDecimal contractionMrr, BigDecimal churnedMrr) {
    }
}
