package dev.mercato.order.team;

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

/** Who sees a team: its customer and the organizations above it (Malta, MT), on get, list and -dump. */
@QuarkusTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TeamAccessTest {

    @Inject
    TestContracts contracts;

    private AccessFixture world;
    private String id;

    @BeforeAll
    void makeTheWorld() {
        world = new AccessFixture("MT", contracts);
        id = (String) TestSql.rows("select id from team where customer_id = ? and name = 'Access team'", world.tenant.id())
                .get(0).get("id");
    }

    @Test
    void showsATeamOnlyToItsCustomerAndThoseAboveIt() {
        world.fromEveryone(AuthorizationMatrix.get("/api/v1/teams/" + id)
                .requiring(Scopes.READ_ORDERS)
                .exposing(id, world.tenant.path()))
                .verify();
    }

    @Test
    void listsATeamOnlyForItsCustomerAndThoseAboveIt() {
        world.fromEveryone(AuthorizationMatrix.get("/api/v1/teams?limit=100&customerId=" + world.tenant.id())
                .requiring(Scopes.READ_ORDERS)
                .exposing(id, world.tenant.path())
                .hiddenWith(200))
                .verify();
    }

    @Test
    void exportsATeamOnlyForItsCustomerAndThoseAboveIt() {
        world.fromEveryone(AuthorizationMatrix.get("/api/v1/teams/-dump")
                .requiring(Scopes.READ_ORDERS)
                .exposing(id, world.tenant.path())
                .hiddenWith(200))
                .verify();
    }
}
