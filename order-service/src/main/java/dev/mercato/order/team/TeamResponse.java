package dev.mercato.order.team;

import java.time.Instant;
import java.time.LocalDate;

/** A team as the API shows it: the reseller API's Team object, in camelCase, without Flex token figures. */
public record TeamResponse(
        String id,
        String object,
        String name,
        String customerId,
        String customerCsn,
        String customerName,
        String primaryAdminEmail,
        String primaryAdminFirstName,
        String primaryAdminLastName,
        int seats,
        int productSeats,
        LocalDate latestEndDate,
        Instant createdAt,
        Instant lastUpdated) {
}
