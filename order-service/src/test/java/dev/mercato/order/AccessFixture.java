package dev.mercato.order;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

import dev.mercato.order.contract.ContractCreated;
import dev.mercato.testkit.AuthorizationMatrix;
import dev.mercato.testkit.OrganizationEvents;
import dev.mercato.testkit.TestOrganization;

/**
 * An organization tree for access tests — a distributor with two partners, each with a tenant, and a vendor —
 * and a contract of the first tenant, made through the domain service, whose end date is 60 days away (so a
 * renewal opportunity is due). Every endpoint's matrix calls from all of them.
 */
public final class AccessFixture {

    public final TestOrganization platform = OrganizationEvents.PLATFORM;
    public final TestOrganization distributor = platform.child("DISTRIBUTOR");
    public final TestOrganization partner = distributor.child("PARTNER");
    public final TestOrganization otherPartner = distributor.child("PARTNER");
    public final TestOrganization tenant = partner.child("TENANT");
    public final TestOrganization otherTenant = otherPartner.child("TENANT");
    public final TestOrganization vendor = platform.child("VENDOR");
    public final ContractCreated contract;

    /** Publishes the tree (in {@code country}) and makes the tenant's contract. */
    public AccessFixture(String country, TestContracts contracts) {
        TestContracts.publish(country, distributor, partner, otherPartner, tenant, otherTenant, vendor);
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        contract = contracts.create(tenant, today.minusMonths(10), today.plusDays(60),
                TestContracts.item("ACCESS-1", 2).withTeam("Access team", "admin@access.example", "Ada", "Admin")
                        .withListing("lst_access", List.of("api_calls")));
    }

    /** {@code matrix} called by every role of every organization of the tree. */
    public AuthorizationMatrix fromEveryone(AuthorizationMatrix matrix) {
        return matrix.callersFrom(platform, distributor, partner, tenant, otherPartner, otherTenant, vendor);
    }
}
