package dev.mercato.metering;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.UUID;

import dev.mercato.metering.readmodel.CustomerEntitlements;
import dev.mercato.metering.readmodel.KnownOrganizations;
import dev.mercato.metering.readmodel.MeteredListings;
import dev.mercato.platform.events.EntitlementChangedV1;
import dev.mercato.platform.events.ListingChangedV1;
import dev.mercato.platform.id.Ids;
import dev.mercato.platform.security.Role;
import dev.mercato.testkit.OrganizationEvents;
import dev.mercato.testkit.TestKafka;
import dev.mercato.testkit.TestOrganization;
import dev.mercato.testkit.TestTokens;
import io.quarkus.arc.Arc;

/**
 * A small marketplace for metering tests, published on the topics the read models read as identity-service,
 * catalog-service and order-service would: a distributor with a partner and its tenant, a second tenant with no
 * entitlement, two vendors, and a listing of the first vendor with five dimensions, to which the tenant is
 * entitled (an ACTIVE entitlement from 60 days ago to 300 days ahead, subscription {@link #subscription}).
 * Each world has fresh ids, so tests never see each other's data.
 */
public final class MeteringWorld {

    public final TestOrganization platform = OrganizationEvents.PLATFORM;
    public final TestOrganization distributor = platform.child("DISTRIBUTOR");
    public final TestOrganization partner = distributor.child("PARTNER");
    public final TestOrganization tenant = partner.child("TENANT");
    public final TestOrganization unentitledTenant = partner.child("TENANT");
    public final TestOrganization vendor = platform.child("VENDOR");
    public final TestOrganization otherVendor = platform.child("VENDOR");
    public final String listingId = Ids.next("lst");
    public final String subscription = "SUB-" + UUID.randomUUID().toString().substring(0, 8);

    /** Publishes the world and waits until the read models hold all of it. */
    public static MeteringWorld create() {
        MeteringWorld world = new MeteringWorld();
        for (TestOrganization organization : new TestOrganization[] { world.distributor, world.partner, world.tenant,
                world.unentitledTenant, world.vendor, world.otherVendor }) {
            OrganizationEvents.send(organization, organization.kind() + " " + organization.id(), "FI", 0);
        }
        publishListing(world.listingId, world.vendor.id(), "ACTIVE", 1);
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        String entitlementId = publishEntitlement(world.tenant.id(), world.listingId, "ACTIVE", today.minusDays(60),
                today.plusDays(300), world.subscription);
        KnownOrganizations organizations = Arc.container().instance(KnownOrganizations.class).get();
        MeteredListings listings = Arc.container().instance(MeteredListings.class).get();
        CustomerEntitlements entitlements = Arc.container().instance(CustomerEntitlements.class).get();
        await().atMost(Duration.ofSeconds(30)).until(() -> organizations.get(world.otherVendor.id()) != null
                && organizations.get(world.unentitledTenant.id()) != null && listings.get(world.listingId) != null
                && entitlements.get(entitlementId) != null);
        return world;
    }

    /**
     * A listing of {@code vendorId} on aws with dimensions api_calls (SUM, whole numbers), storage_gb (MAX, 2
     * decimals), active_users (UNIQUE_COUNT of property "user"), tokens (SUM, 2.5 tokens a unit) and legacy
     * (retired yesterday).
     */
    public static void publishListing(String listingId, String vendorId, String status, long version) {
        Instant now = Instant.now();
        String body = """
                {"id": "%s", "vendor": "aws", "vendorId": "%s", "name": "Log analytics", "description": "Metered",
                 "productCode": "prod-%s", "currency": "usd", "status": "%s",
                 "dimensions": [
                   {"key": "api_calls", "title": "API calls", "unit": "request", "pricePerUnit": 0.01, "decimals": 0,
                    "description": null, "retiredAt": null, "aggregation": "SUM", "uniqueProperty": null, "tokenRate": null},
                   {"key": "storage_gb", "title": "Storage", "unit": "GB", "pricePerUnit": 0.1, "decimals": 2,
                    "description": null, "retiredAt": null, "aggregation": "MAX", "uniqueProperty": null, "tokenRate": null},
                   {"key": "active_users", "title": "Active users", "unit": "user", "pricePerUnit": 1, "decimals": 0,
                    "description": null, "retiredAt": null, "aggregation": "UNIQUE_COUNT", "uniqueProperty": "user",
                    "tokenRate": null},
                   {"key": "tokens", "title": "Flex", "unit": "call", "pricePerUnit": 0, "decimals": 0,
                    "description": null, "retiredAt": null, "aggregation": "SUM", "uniqueProperty": null, "tokenRate": 2.5},
                   {"key": "legacy", "title": "Legacy", "unit": "call", "pricePerUnit": 0.5, "decimals": 0,
                    "description": null, "retiredAt": "%s", "aggregation": "SUM", "uniqueProperty": null, "tokenRate": null}
                 ],
                 "createdAt": "%s", "updatedAt": "%s", "version": %d}"""
                .formatted(listingId, vendorId, listingId, status, now.minus(Duration.ofDays(1)), now, now, version);
        TestKafka.send("catalog.listings", listingId, body,
                TestKafka.cloudEventHeaders(UUID.randomUUID().toString(), ListingChangedV1.CHANGED, listingId));
    }

    /** Publishes an entitlement of {@code customerId} to {@code listingId}; returns its id. */
    public static String publishEntitlement(String customerId, String listingId, String status, LocalDate start,
            LocalDate end, String subscription) {
        String id = Ids.next("ent");
        Instant now = Instant.now();
        String body = """
                {"id": "%s", "customerId": "%s", "customerCsn": "1234567890", "customerName": "Tenant", "listingId": "%s",
                 "sku": null, "description": "Log analytics", "dimensions": ["api_calls", "storage_gb"], "seats": 1,
                 "startDate": "%s", "endDate": "%s", "status": "%s", "subscriptions": ["%s"],
                 "createdAt": "%s", "lastUpdated": "%s", "version": 1}"""
                .formatted(id, customerId, listingId, start, end, status, subscription, now, now);
        TestKafka.send("orders.entitlements", id, body,
                TestKafka.cloudEventHeaders(UUID.randomUUID().toString(), EntitlementChangedV1.CHANGED, id));
        return id;
    }

    /** A token of the listing's vendor (its admin). */
    public String vendorToken() {
        return TestTokens.forRole(Role.VENDOR_ADMIN, vendor);
    }

    /** A single-event body for the tenant, the listing and {@code dimension}, timed now. */
    public String event(String dimension, String quantity) {
        return """
                {"vendor": "aws", "customerId": "%s", "listingId": "%s", "dimension": "%s", "quantity": %s,
                 "timestamp": "%s"}""".formatted(tenant.id(), listingId, dimension, quantity, Instant.now());
    }
}
