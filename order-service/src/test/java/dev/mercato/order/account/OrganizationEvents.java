package dev.mercato.order.account;

import java.time.Instant;
import java.util.UUID;

import dev.mercato.platform.id.Ids;
import dev.mercato.testkit.TestKafka;

/** Publishes organization events on identity.organizations as identity-service would. */
final class OrganizationEvents {

    private OrganizationEvents() {
    }

    static String newOrganizationId() {
        return Ids.next("org");
    }

    /** Sends a created/updated event; returns its event id. */
    static String send(String eventId, String organizationId, String name, String kind, String countryCode, long version) {
        String body = """
                {"id": "%s", "kind": "%s", "parentId": null, "ancestry": [], "name": "%s", "externalId": null,
                 "customerNumber": "%s", "countryCode": "%s",
                 "address": {"line1": "Street 35", "line2": null, "line3": null, "city": "Espoo", "postalCode": "02100",
                             "stateProvince": null, "country": "Finland"},
                 "segment": "MIDMARKET", "status": "ACTIVE", "currency": "eur", "billingDay": 1,
                 "metadata": {"seats": 10}, "createdAt": "%s", "updatedAt": "%s", "version": %d}"""
                .formatted(organizationId, kind, name, csnOf(organizationId), countryCode, Instant.now(), Instant.now(),
                        version);
        TestKafka.send("identity.organizations", organizationId, body, TestKafka.cloudEventHeaders(eventId,
                version == 0 ? "mercato.identity.organization.created.v1" : "mercato.identity.organization.updated.v1",
                organizationId));
        return eventId;
    }

    static String send(String organizationId, String name, String kind, String countryCode, long version) {
        return send(UUID.randomUUID().toString(), organizationId, name, kind, countryCode, version);
    }

    private static String csnOf(String organizationId) {
        return String.valueOf(Math.abs(organizationId.hashCode()) % 9_000_000_000L + 1_000_000_000L);
    }
}
