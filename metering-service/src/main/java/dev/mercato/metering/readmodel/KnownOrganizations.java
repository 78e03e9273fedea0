package dev.mercato.metering.readmodel;

import jakarta.inject.Singleton;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.mercato.platform.events.OrganizationChangedV1;
import dev.mercato.platform.events.Topics;

/**
 * Every organization of {@code identity.organizations}, in memory: ingestion checks that a usage event's
 * customer is a known tenant, and finds a listing vendor's place in the tree to decide who may report for it.
 */
@Singleton // no client proxy: read on every usage event, and the superclass has no no-args constructor
public class KnownOrganizations extends CompactedTopicView<OrganizationChangedV1> {

    public KnownOrganizations(ObjectMapper json) {
        super(Topics.IDENTITY_ORGANIZATIONS, "mercato.identity.organization.", OrganizationChangedV1.class,
                OrganizationChangedV1::version, json);
    }

    /** Whether {@code organizationId} is a known tenant (a customer that can use listings). */
    public boolean isTenant(String organizationId) {
        OrganizationChangedV1 organization = get(organizationId);
        return organization != null && "TENANT".equals(organization.kind());
    }

    /** The organization's path (ids from the platform down, '/'-separated), or null when unknown. */
    public String pathOf(String organizationId) {
        OrganizationChangedV1 organization = get(organizationId);
        if (organization == null) {
            return null;
        }
        return organization.ancestry() == null || organization.ancestry().isEmpty() ? organization.id()
                : String.join("/", organization.ancestry()) + "/" + organization.id();
    }
}
