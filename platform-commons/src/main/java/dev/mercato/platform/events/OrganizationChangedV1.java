package dev.mercato.platform.events;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * The state of an organization after a change, as identity-service publishes it on
 * {@link Topics#IDENTITY_ORGANIZATIONS} (types {@code mercato.identity.organization.created.v1} and
 * {@code ….updated.v1}). Consumers keep it as a read model; {@code version} grows with every change,
 * so an older snapshot arriving late is recognised and ignored.
 *
 * @param kind     PLATFORM, DISTRIBUTOR, PARTNER, TENANT or VENDOR
 * @param ancestry ids from the platform down to the parent, so access can be decided without a call
 */
@RegisterForReflection // read and written by Jackson outside REST (Kafka payloads)
public record OrganizationChangedV1(
        String id,
        String kind,
        String parentId,
        List<String> ancestry,
        String name,
        String externalId,
        String customerNumber,
        String countryCode,
        AddressV1 address,
        String segment,
        String status,
        String currency,
        Integer billingDay,
        Map<String, Object> metadata,
        Instant createdAt,
        Instant updatedAt,
        long version) {

    public static final String CREATED = "mercato.identity.organization.created.v1";
    public static final String UPDATED = "mercato.identity.organization.updated.v1";

    /** A postal address. */
    @RegisterForReflection // part of a Kafka payload
    public record AddressV1(String line1, String line2, String line3, String city, String postalCode,
            String stateProvince, String country) {
    }
}
