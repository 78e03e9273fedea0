package dev.mercato.order.contract;

import java.time.LocalDate;
import java.util.List;

/**
 * The dates an EXTEND order may move a contract's end date to: the end dates of the same customer's other
 * running contracts that end later ({@code GET /api/v1/contracts/{contractNumber}/coterm-dates}).
 */
public record CotermDatesResponse(String contractNumber, LocalDate contractEndDate, List<LocalDate> cotermDates) {
}
