package dev.mercato.testkit;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;

/**
 * A marketplace for one test class: two vendors and a distributor → partner → tenant branch beside a foreign
 * partner and tenant, all published on identity.organizations into the service's organizations read model.
 */
public final class TestMarketplace {

    public final TestOrganization platform = OrganizationEvents.PLATFORM;
    public final TestOrganization vendor = platform.child("VENDOR");
    public final TestOrganization otherVendor = platform.child("VENDOR");
    public final TestOrganization distributor = platform.child("DISTRIBUTOR");
    public final TestOrganization partner = distributor.child("PARTNER");
    public final TestOrganization tenant = partner.child("TENANT");
    public final TestOrganization otherPartner = distributor.child("PARTNER");
    public final TestOrganization otherTenant = otherPartner.child("TENANT");

    /** Publishes every organization (the platform too) and waits until the read model holds them all. */
    public static TestMarketplace published() {
        TestMarketplace marketplace = new TestMarketplace();
        List<TestOrganization> all = List.of(marketplace.callers());
        for (TestOrganization organization : all) {
            OrganizationEvents.send(organization, organization.kind() + " " + organization.id(), "FI", 0);
        }
        String[] ids = all.stream().map(TestOrganization::id).toArray(String[]::new);
        await().atMost(Duration.ofSeconds(30)).until(() -> TestSql.number(
                "select count(*) from directory_organization where id = any(?)", (Object) ids) == ids.length);
        return marketplace;
    }

    /** Every organization, the platform first: callers for an authorization matrix. */
    public TestOrganization[] callers() {
        return new TestOrganization[] {platform, vendor, otherVendor, distributor, partner, tenant, otherPartner, otherTenant};
    }
}
