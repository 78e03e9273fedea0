package dev.mercato.console.order;

import java.time.LocalDate;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** A subscription as {@code /api/v1/subscriptions} shows it (the fields the pages show). */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Subscription(String serialNumber, String status, LocalDate startDate, LocalDate endDate,
        String contractNumber, String customerName, String renewalSku, String description, int quantity, int seats) {
}
