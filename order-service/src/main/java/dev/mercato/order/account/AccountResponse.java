package dev.mercato.order.account;

import java.time.Instant;
import java.util.Map;

/** An account as the API shows it: the reseller API's Account object, in camelCase. */
public record AccountResponse(
        String id,
        String object,
        String csn,
        String name,
        String accountType,
        String status,
        String parentId,
        String externalId,
        String addressLine1,
        String addressLine2,
        String addressLine3,
        String city,
        String postal,
        String stateProvince,
        String country,
        String countryCode,
        String segment,
        String currency,
        Map<String, Object> metadata,
        Instant createdAt,
        Instant lastUpdated) {
}
