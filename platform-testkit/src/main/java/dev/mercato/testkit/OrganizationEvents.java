package dev.mercato.testkit;

import java.time.Instant;
import java.util.UUID;
import java.util.stream.Collectors;

import dev.mercato.platform.security.Role;

/**
 * Publishes organization events on identity.organizations as identity-service would, so a service's
 * tests can fill its organizations read model without identity-service.
 */
public final class OrganizationEvents {

    /** The platform every organization of these tests lies under. */
    public static final TestOrganization PLATFORM = TestOrganization.platform();

    private OrganizationEvents() {
    }

    /** A new organization of {@code kind} right below the platform (not yet published). */
    public static TestOrganization newOrganization(String kind) {
        return PLATFORM.child(kind);
    }

    /** A token of the platform's admin: it sees every account these tests create. */
    public static String platformAdmin() {
        return TestTokens.forRole(Role.PLATFORM_ADMIN, PLATFORM);
    }

    /** Sends a created (version 0) or updated event; returns its event id. */
    public static String send(String eventId, TestOrganization organization, String name, String countryCode, long version) {
        String parentId = organization.parentId();
        String body = """
                {"id": "%s", "kind": "%s", "parentId": %s, "ancestry": [%s], "name": "%s", "externalId": null,
                 "customerNumber": "%s", "countryCode": "%s",
                 "address": {"line1": "Street 35", "line2": null, "line3": null, "city": "Espoo", "postalCode": "02100",
                             "stateProvince": null, "country": "Finland"},
                 "segment": "MIDMARKET", "status": "ACTIVE", "currency": "eur", "billingDay": 1,
                 "metadata": {"seats": 10}, "createdAt": "%s", "updatedAt": "%s", "version": %d}"""
                .formatted(organization.id(), organization.kind(), parentId == null ? "null" : '"' + parentId + '"',
                        organization.ancestry().stream().map(id -> '"' + id + '"').collect(Collectors.joining(", ")),
                        name, csnOf(organization.id()), countryCode, Instant.now(), Instant.now(), version);
        TestKafka.send("identity.organizations", organization.id(), body, TestKafka.cloudEventHeaders(eventId,
                version == 0 ? "mercato.identity.organization.created.v1" : "mercato.identity.organization.updated.v1",
                organization.id()));
        return eventId;
    }

    public static String send(TestOrganization organization, String name, String countryCode, long version) {
        return send(UUID.randomUUID().toString(), organization, name, countryCode, version);
    }

    private static String csnOf(String organizationId) {
        return String.valueOf(Math.abs(organizationId.hashCode()) % 9_000_000_000L + 1_000_000_000L);
    }
}
