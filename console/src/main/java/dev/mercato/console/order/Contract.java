package dev.mercato.console.order;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** A contract as {@code /api/v1/contracts} shows it (the fields the pages show). */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Contract(String contractNumber, LocalDate contractStartDate, LocalDate contractEndDate, int contractTerm,
        String contractType, String customerCsn, String customerName, int totalSeats, Map<String, BigDecimal> purPrice) {

    public String price() {
        return Money.of(purPrice);
    }
}
