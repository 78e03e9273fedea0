package dev.mercato.order.contact;

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

/** Who sees a contact: the people of its customer and the organizations above it (Latvia, LV), on get, list and -dump. */
@QuarkusTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ContactAccessTest {

    @Inject
    TestContracts contracts;

    private AccessFixture world;
    private String id;

    @BeforeAll
    void makeTheWorld() {
        world = new AccessFixture("LV", contracts);
        id = (String) TestSql.rows("select id from contact where customer_id = ? and email = 'admin@access.example'", world.tenant.id())
                .get(0).get("id");
    }

    @Test
    void showsAContactOnlyToItsCustomerAndThoseAboveIt() {
        world.fromEveryone(AuthorizationMatrix.get("/api/v1/contacts/" + id)
                .requiring(Scopes.READ_ORDERS)
                .exposing(id, world.tenant.path()))
                .verify();
    }

    @Test
    void listsAContactOnlyForItsCustomerAndThoseAboveIt() {
        world.fromEveryone(AuthorizationMatrix.get("/api/v1/contacts?limit=100&customerId=" + world.tenant.id())
                .requiring(Scopes.READ_ORDERS)
                .exposing(id, world.tenant.path())
                .hiddenWith(200))
                .verify();
    }

    @Test
    void exportsAContactOnlyForItsCustomerAndThoseAboveIt() {
        world.fromEveryone(AuthorizationMatrix.get("/api/v1/contacts/-dump")
                .requiring(Scopes.READ_ORDERS)
                .exposing(id, world.tenant.path())
                .hiddenWith(200))
                .verify();
    }
}
