package dev.mercato.webhook.endpoint;

import static dev.mercato.webhook.Webhooks.WEBHOOKS;

import org.junit.jupiter.api.Test;

import dev.mercato.platform.security.Role;
import dev.mercato.platform.security.Scopes;
import dev.mercato.testkit.AuthorizationMatrix;
import dev.mercato.webhook.Receiver;
import dev.mercato.webhook.Webhooks;
import dev.mercato.webhook.WithMarketplaceAndReceiver;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Who reaches each endpoint of the webhooks API: the owning organization and the platform; the organizations above
 * the owner do not manage its endpoints (404, like any foreign organization).
 */
@QuarkusTest
class WebhookAccessTest extends WithMarketplaceAndReceiver {


    /** The owner's ancestors see it in the tree but do not manage its endpoints: hidden (readers never write: 403). */
    private AuthorizationMatrix ownerAndPlatformOnly(AuthorizationMatrix matrix, int hidden) {
        return ownerAndPlatformOnly(matrix, hidden, hidden);
    }

    private AuthorizationMatrix ownerAndPlatformOnly(AuthorizationMatrix matrix, int hidden, int readers) {
        return matrix
                .expect(Role.DISTRIBUTOR_ADMIN, organizations.distributor, hidden)
                .expect(Role.DISTRIBUTOR_READER, organizations.distributor, readers)
                .expect(Role.PARTNER_ADMIN, organizations.partner, hidden)
                .expect(Role.PARTNER_READER, organizations.partner, readers)
                .callersFrom(organizations.callers());
    }

    @Test
    void showsAnEndpointToItsOwnerAndThePlatformOnly() {
        String id = Webhooks.create(organizations.tenant, receiver.url("access", Receiver.always(200)), null).id();
        String tenantPath = organizations.tenant.path();
        ownerAndPlatformOnly(AuthorizationMatrix.get(WEBHOOKS + "/" + id)
                .requiring(Scopes.READ_WEBHOOKS).exposing(id, tenantPath), 404).verify();
        ownerAndPlatformOnly(AuthorizationMatrix.get(WEBHOOKS + "?limit=100&id=" + id)
                .requiring(Scopes.READ_WEBHOOKS).exposing(id, tenantPath).hiddenWith(200), 200).verify();
        ownerAndPlatformOnly(AuthorizationMatrix.get(WEBHOOKS + "/-dump")
                .requiring(Scopes.READ_WEBHOOKS).exposing(id, tenantPath).hiddenWith(200), 200).verify();
        // the endpoint has no deliveries yet: an allowed answer is an empty page, a refused one a 404
        ownerAndPlatformOnly(AuthorizationMatrix.get(WEBHOOKS + "/" + id + "/deliveries")
                .requiring(Scopes.READ_WEBHOOKS).exposing(null, tenantPath), 404).verify();
    }

    @Test
    void letsOnlyItsOwnerAndThePlatformChangeIt() {
        String id = Webhooks.create(organizations.vendor, receiver.url("access-write", Receiver.always(200)), null).id();
        String vendorPath = organizations.vendor.path();
        ownerAndPlatformOnly(AuthorizationMatrix.request("PATCH", WEBHOOKS + "/" + id)
                .body("{\"description\": \"changed\"}")
                .requiring(Scopes.WRITE_WEBHOOKS).exposing(id, vendorPath), 404, 403).verify();
        ownerAndPlatformOnly(AuthorizationMatrix.request("POST", WEBHOOKS + "/" + id + "/rotate-secret")
                .requiring(Scopes.WRITE_WEBHOOKS).exposing(id, vendorPath), 404, 403).verify();
        ownerAndPlatformOnly(AuthorizationMatrix.request("POST", WEBHOOKS + "/" + id + "/replay?since=2026-01-01T00:00:00Z")
                .requiring(Scopes.WRITE_WEBHOOKS).exposing(null, vendorPath), 404, 403).verify();
    }
}
