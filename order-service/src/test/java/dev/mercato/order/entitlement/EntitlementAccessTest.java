package dev.mercato.order.entitlement;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import dev.mercato.order.AccessFixture;
import dev.mercato.order.TestContracts;
import dev.mercato.platform.security.Scopes;
import dev.mercato.testkit.AuthorizationMatrix;
import dev.mercato.testkit.TestSql;
import io.quarkus.test.junit.QuarkusTest;

/** Who sees an entitlement (read:entitlements): its customer and the organizations above it (Portugal, PT); a vendor does not. */
@QuarkusTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EntitlementAccessTest {

    @Inject
    TestContracts contracts;

    private AccessFixture world;
    private String id;

    @BeforeAll
    void makeTheWorld() {
        world = new AccessFixture("PT", contracts);
        id = (String) TestSql.rows("select id from entitlement where customer_id = ? and listing_id = 'lst_access'", world.tenant.id())
                .get(0).get("id");
    }

    @Test
    void showsAnEntitlementOnlyToItsCustomerAndThoseAboveIt() {
        world.fromEveryone(AuthorizationMatrix.get("/api/v1/entitlements/" + id)
                .requiring(Scopes.READ_ENTITLEMENTS)
                .exposing(id, world.tenant.path()))
                .verify();
    }

    @Test
    void listsAnEntitlementOnlyForItsCustomerAndThoseAboveIt() {
        world.fromEveryone(AuthorizationMatrix.get("/api/v1/entitlements?limit=100&customerId=" + world.tenant.id())
                .requiring(Scopes.READ_ENTITLEMENTS)
                .exposing(id, world.tenant.path())
                .hiddenWith(200))
                .verify();
    }

    @Test
    void exportsAnEntitlementOnlyForItsCustomerAndThoseAboveIt() {
        world.fromEveryone(AuthorizationMatrix.get("/api/v1/entitlements/-dump")
                .requiring(Scopes.READ_ENTITLEMENTS)
                .exposing(id, world.tenant.path())
                .hiddenWith(200))
                .verify();
    }
}
