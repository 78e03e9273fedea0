package dev.mercato.metering;

import static org.awaitility.Awaitility.await;

import java.time.Duration;

import dev.mercato.testkit.AuthorizationMatrix;
import dev.mercato.testkit.OrganizationEvents;
import dev.mercato.testkit.TestOrganization;
import dev.mercato.testkit.TestSql;

/**
 * An organization tree for access tests — a distributor with two partners, each with a tenant, and two
 * vendors — published on identity.organizations and awaited in the organizations read model.
 */
public final class UsageWorld {

    public final TestOrganization platform = OrganizationEvents.PLATFORM;
    public final TestOrganization distributor = platform.child("DISTRIBUTOR");
    public final TestOrganization partner = distributor.child("PARTNER");
    public final TestOrganization otherPartner = distributor.child("PARTNER");
    public final TestOrganization tenant = partner.child("TENANT");
    public final TestOrganization otherTenant = otherPartner.child("TENANT");
    public final TestOrganization vendor = platform.child("VENDOR");
    public final TestOrganization otherVendor = platform.child("VENDOR");

    public UsageWorld() {
        TestOrganization[] all = { distributor, partner, otherPartner, tenant, otherTenant, vendor, otherVendor };
        for (TestOrganization organization : all) {
            OrganizationEvents.send(organization, organization.kind() + " " + organization.id(), "FI", 0);
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> TestSql.number(
                "select count(*) from directory_organization where id in (?, ?, ?, ?, ?, ?, ?)", (Object[]) ids(all)) == all.length);
    }

    private static String[] ids(TestOrganization[] organizations) {
        String[] ids = new String[organizations.length];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = organizations[i].id();
        }
        return ids;
    }

    /** {@code matrix} called by every role of every organization of the tree. */
    public AuthorizationMatrix fromEveryone(AuthorizationMatrix matrix) {
        return matrix.callersFrom(platform, distributor, partner, tenant, otherPartner, otherTenant, vendor, otherVendor);
    }
}
