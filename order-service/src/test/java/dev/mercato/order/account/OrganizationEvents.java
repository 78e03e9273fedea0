package dev.mercato.order.account;

import java.time.Instant;
import java.util.UUID;
import java.util.stream.Collectors;

import dev.mercato.platform.security.Role;
import dev.mercato.testkit.TestKafka;
import dev.mercato.testkit.TestOrganization;
import dev.mercato.testkit.TestTokens;

/** Publishes organization events on identity.organizations as identity-service would. */
final class OrganizationEvents {

    /** The platform every organization of these tests lies under. */
    static final TestOrganization PLATFORM = TestOrganization.platform();

    private OrganizationEvents() {
    }

    /** A new organization of {@code kind} right below the platform (not yet published). */
    static TestOrganization newOrganization(String kind) {
        return PLATFORM.child(kind);
    }

    /** A token of the platform's admin: it sees every account these tests create. */
    static String platformAdmin() {
        return TestTokens.forRole(Role.PLATFORM_ADMIN, PLATFORM);
    }

    /** Sends a created (version 0) or updated event; returns its event id. */
    static String send(String eventId, TestOrganization organization, String name, String countryCode, long version) {
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

    static String send(TestOrganization organization, String name, String countryCode, long version) {
        return send(UUID.randomUUID().toString(), organization, name, countryCode, version);
    }

    private static String csnOf(String organizationId) {
        return String.valueOf(Math.abs(organizationId.hashCode()) % 9_000_000_000L + 1_000_000_000L);
    }
}
