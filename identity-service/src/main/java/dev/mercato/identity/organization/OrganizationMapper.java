package dev.mercato.identity.organization;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.mercato.platform.events.OrganizationChangedV1;

/** Turns an {@link Organization} into its API response and its event, and its metadata to and from JSON. */
@ApplicationScoped
public class OrganizationMapper {

    private static final TypeReference<Map<String, Object>> OBJECT = new TypeReference<>() {
    };

    private final ObjectMapper json;

    public OrganizationMapper(ObjectMapper json) {
        this.json = json;
    }

    public OrganizationResponse toResponse(Organization organization) {
        Address address = organization.address;
        return new OrganizationResponse(organization.id, organization.kind.name(), organization.parentId,
                organization.name, organization.externalId, organization.customerNumber, organization.countryCode,
                address == null ? null : new OrganizationResponse.AddressResponse(address.line1, address.line2,
                        address.line3, address.city, address.postalCode, address.stateProvince, address.country),
                organization.segment, organization.status.name(), organization.currency, organization.billingDay,
                metadataOf(organization), organization.createdAt, organization.updatedAt);
    }

    public OrganizationChangedV1 toEvent(Organization organization) {
        Address address = organization.address;
        return new OrganizationChangedV1(organization.id, organization.kind.name(), organization.parentId,
                ancestryOf(organization), organization.name, organization.externalId, organization.customerNumber,
                organization.countryCode,
                address == null ? null : new OrganizationChangedV1.AddressV1(address.line1, address.line2,
                        address.line3, address.city, address.postalCode, address.stateProvince, address.country),
                organization.segment, organization.status.name(), organization.currency, organization.billingDay,
                metadataOf(organization), organization.createdAt, organization.updatedAt, organization.version);
    }

    public String metadataJson(Map<String, Object> metadata) {
        try {
            return json.writeValueAsString(metadata == null ? Map.of() : metadata);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("metadata is not a JSON object", e);
        }
    }

    private Map<String, Object> metadataOf(Organization organization) {
        try {
            return json.readValue(organization.metadata, OBJECT);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored metadata of " + organization.id + " is not JSON", e);
        }
    }

    private static List<String> ancestryOf(Organization organization) {
        return organization.ancestry.isEmpty() ? List.of() : Arrays.asList(organization.ancestry.split("/"));
    }
}
