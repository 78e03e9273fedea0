package dev.mercato.metering.balance;

import java.math.BigDecimal;
import java.time.LocalDate;

/** Prepaid tokens one counted event draws from its customer's balance with its vendor, on the day of its usage. */
public record TokenDraw(String customerId, String vendorId, LocalDate day, BigDecimal tokens) {
}
