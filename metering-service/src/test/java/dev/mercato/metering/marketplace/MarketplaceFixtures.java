package dev.mercato.metering.marketplace;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import dev.mercato.platform.events.ListingChangedV1;
import dev.mercato.platform.events.Topics;
import dev.mercato.platform.events.UsageEventV1;
import dev.mercato.testkit.TestKafka;
import dev.mercato.testkit.TestOrganization;

/** Listings sold through a marketplace, customers known there, and their usage, as the other services publish them. */
final class MarketplaceFixtures {

    static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    private MarketplaceFixtures() {
    }

    /** A listing of {@code vendorId} sold through {@code marketplace} with one SUM dimension, {@code calls}. */
    static void publishListing(String listingId, String marketplace, String vendorId, String productCode) {
        Instant now = Instant.now();
        String body = """
                {"id": "%s", "vendor": "%s", "vendorId": "%s", "name": "Flex", "description": null,
                 "productCode": "%s", "currency": "usd", "status": "ACTIVE",
                 "dimensions": [{"key": "calls", "title": "Calls", "unit": "call", "pricePerUnit": 0.01, "decimals": 3,
                   "description": null, "retiredAt": null, "aggregation": "SUM", "uniqueProperty": null, "tokenRate": null}],
                 "createdAt": "%s", "updatedAt": "%s", "version": 1}"""
                .formatted(listingId, marketplace, vendorId, productCode, now, now);
        TestKafka.send(Topics.CATALOG_LISTINGS, listingId, body,
                TestKafka.cloudEventHeaders(UUID.randomUUID().toString(), ListingChangedV1.CHANGED, listingId));
    }

    /** Publishes {@code tenant} with {@code metadata} (its identity at a marketplace). */
    static void publishCustomer(TestOrganization tenant, Map<String, String> metadata) {
        String entries = metadata.entrySet().stream().map(e -> "\"" + e.getKey() + "\": \"" + e.getValue() + "\"")
                .collect(Collectors.joining(", "));
        String body = """
                {"id": "%s", "kind": "TENANT", "parentId": "%s", "ancestry": [%s], "name": "Tenant", "externalId": null,
                 "customerNumber": null, "countryCode": "FI", "address": null, "segment": null, "status": "ACTIVE",
                 "currency": "eur", "billingDay": 1, "metadata": {%s}, "createdAt": "%s", "updatedAt": "%s", "version": 0}"""
                .formatted(tenant.id(), tenant.parentId(),
                        tenant.ancestry().stream().map(id -> '"' + id + '"').collect(Collectors.joining(", ")), entries,
                        Instant.now(), Instant.now());
        TestKafka.send(Topics.IDENTITY_ORGANIZATIONS, tenant.id(), body, TestKafka.cloudEventHeaders(
                UUID.randomUUID().toString(), "mercato.identity.organization.created.v1", tenant.id()));
    }

    /** Accepted usage of the listing's {@code calls}, straight onto metering.usage. */
    static void sendUsage(String customerId, String vendorId, String listingId, String quantity, Instant at) {
        String id = UUID.randomUUID().toString();
        UsageEventV1 event = new UsageEventV1(id, "rpt_" + id, customerId, vendorId, listingId, null, "calls",
                new BigDecimal(quantity), at, Instant.now(), Map.of(), "SUM", null, null);
        try {
            TestKafka.send(Topics.METERING_USAGE, customerId, JSON.writeValueAsString(event),
                    TestKafka.cloudEventHeaders(id, UsageEventV1.ACCEPTED, customerId));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
