package dev.mercato.catalog;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;

import dev.mercato.testkit.OrganizationEvents;
import dev.mercato.testkit.TestOrganization;
import dev.mercato.testkit.TestSql;

/**
 * A marketplace for one test class: two vendors and a distributor → partner → tenant branch beside a
 * foreign partner and tenant, all published into catalog-service's organizations read model.
 */
public final class CatalogTestOrganizations {

    public final TestOrganization platform = OrganizationEvents.PLATFORM;
    public final TestOrganization vendor = platform.child("VENDOR");
    public final TestOrganization otherVendor = platform.child("VENDOR");
    public final TestOrganization distributor = platform.child("DISTRIBUTOR");
    public final TestOrganization partner = distributor.child("PARTNER");
    public final TestOrganization tenant = partner.child("TENANT");
    public final TestOrganization otherPartner = distributor.child("PARTNER");
    public final TestOrganization otherTenant = otherPartner.child("TENANT");

    /** Publishes every organization and waits until the read model holds them all. */
    public static CatalogTestOrganizations published() {
        CatalogTestOrganizations organizations = new CatalogTestOrganizations();
        List<TestOrganization> all = organizations.all();
        for (TestOrganization organization : all) {
            OrganizationEvents.send(organization, organization.kind() + " " + organization.id(), "FI", 0);
        }
        String[] ids = all.stream().map(TestOrganization::id).toArray(String[]::new);
        await().atMost(Duration.ofSeconds(30)).until(() -> TestSql.number(
                "select count(*) from directory_organization where id = any(?)", (Object) ids) == ids.length);
        return organizations;
    }

    /** Every organization, the platform first: callers for an authorization matrix. */
    public TestOrganization[] callers() {
        return List.of(platform, vendor, otherVendor, distributor, partner, tenant, otherPartner, otherTenant)
                .toArray(TestOrganization[]::new);
    }

    private List<TestOrganization> all() {
        return List.of(vendor, otherVendor, distributor, partner, tenant, otherPartner, otherTenant);
    }
}
