package dev.mercato.order.subscription;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import dev.mercato.order.AccessFixture;
import dev.mercato.order.TestContracts;
import dev.mercato.platform.security.Role;
import dev.mercato.platform.security.Scopes;
import dev.mercato.testkit.AuthorizationMatrix;
import dev.mercato.testkit.TestTokens;
import io.quarkus.test.junit.QuarkusTest;

/** Who sees a subscription: its customer and the organizations above it (Italy, IT), on get, list and -dump. */
@QuarkusTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SubscriptionAccessTest {

    @Inject
    TestContracts contracts;

    private AccessFixture world;
    private String serial;

    @BeforeAll
    void makeTheWorld() {
        world = new AccessFixture("IT", contracts);
        serial = world.contract.subscriptions().get(0).serialNumber;
    }

    @Test
    void showsASubscriptionOnlyToItsCustomerAndThoseAboveIt() {
        world.fromEveryone(AuthorizationMatrix.get("/api/v1/subscriptions/" + serial)
                .requiring(Scopes.READ_ORDERS)
                .exposing(serial, world.tenant.path()))
                .verify();
    }

    @Test
    void listsASubscriptionOnlyForItsCustomerAndThoseAboveIt() {
        world.fromEveryone(AuthorizationMatrix.get("/api/v1/subscriptions?limit=100&customerId=" + world.tenant.id())
                .requiring(Scopes.READ_ORDERS)
                .exposing(serial, world.tenant.path())
                .hiddenWith(200))
                .verify();
    }

    @Test
    void exportsASubscriptionOnlyForItsCustomerAndThoseAboveIt() {
        world.fromEveryone(AuthorizationMatrix.get("/api/v1/subscriptions/-dump")
                .requiring(Scopes.READ_ORDERS)
                .exposing(serial, world.tenant.path())
                .hiddenWith(200))
                .verify();
    }

    @Test
    void filtersByStatusAndRefusesAnUnknownField() {
        String token = TestTokens.forRole(Role.TENANT_READER, world.tenant);
        given().auth().oauth2(token).get("/api/v1/subscriptions?status=active&filter=$eq(serialNumber,'" + serial + "')")
                .then().statusCode(200).body("data.serialNumber", hasItem(serial))
                .body("data[0].seats", equalTo(2)).body("data[0].dimensions[0]", equalTo("api_calls"));
        given().auth().oauth2(token).get("/api/v1/subscriptions?colour=red")
                .then().statusCode(400);
        given().auth().oauth2(token).get("/api/v1/subscriptions/999-00000000")
                .then().statusCode(404);
    }
}
