package dev.mercato.webhook;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;

import dev.mercato.testkit.OrganizationEvents;
import dev.mercato.testkit.TestOrganization;
import dev.mercato.testkit.TestSql;

/**
 * A marketplace for one test class: a vendor and another, a distributor → partner → tenant branch beside a foreign
 * partner and tenant, all published into webhook-service's organizations read model.
 */
public final class WebhookTestOrganizations {

    public final TestOrganization platform = OrganizationEvents.PLATFORM;
    public final TestOrganization vendor = platform.child("VENDOR");
    public final TestOrganization otherVendor = platform.child("VENDOR");
    public final TestOrganization distributor = platform.child("DISTRIBUTOR");
    public final TestOrganization partner = distributor.child("PARTNER");
    public final TestOrganization tenant = partner.child("TENANT");
    public final TestOrganization otherPartner = distributor.child("PARTNER");
    public final TestOrganization otherTenant = otherPartner.child("TENANT");

    /** Publishes every organization and waits until the read model holds them all. */
    public static WebhookTestOrganizations published() {
        WebhookTestOrganizations organizations = new WebhookTestOrganizations();
        List<TestOrganization> all = List.of(organizations.platform, organizations.vendor, organizations.otherVendor,
                organizations.distributor, organizations.partner, organizations.tenant, organizations.otherPartner,
                organizations.otherTenant);
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
        return new TestOrganization[] {platform, vendor, otherVendor, distributor, partner, tenant, otherPartner, otherTenant};
    }
}
