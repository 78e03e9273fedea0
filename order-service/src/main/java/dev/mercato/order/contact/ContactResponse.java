package dev.mercato.order.contact;

import java.time.Instant;

/** A contact as the API shows it: the reseller API's Contacts object, in camelCase, for one customer. */
public record ContactResponse(
        String id,
        String object,
        String email,
        String firstName,
        String lastName,
        String name,
        String phone,
        String role,
        String status,
        String customerId,
        String customerCsn,
        String customerName,
        Instant createdAt,
        Instant lastUpdated) {
}
