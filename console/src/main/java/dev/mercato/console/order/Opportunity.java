package dev.mercato.console.order;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** A renewal opportunity as {@code /api/v1/opportunities} shows it, with its sales status. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Opportunity(String id, String opportunityNumber, String contractNumber, String customerName,
        String salesStatus, LocalDate subscriptionEndDate, int totalSeats, Map<String, BigDecimal> purPrice) {

    public String price() {
        return Money.of(purPrice);
    }
}
