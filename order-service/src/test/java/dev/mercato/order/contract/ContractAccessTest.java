package dev.mercato.order.contract;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;

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

/** Who sees a contract: its customer and the organizations above it (Ireland, IE), on get, list and -dump. */
@QuarkusTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ContractAccessTest {

    @Inject
    TestContracts contracts;

    private AccessFixture world;
    private String number;

    @BeforeAll
    void makeTheWorld() {
        world = new AccessFixture("IE", contracts);
        number = world.contract.contract().contractNumber;
    }

    @Test
    void showsAContractOnlyToItsCustomerAndThoseAboveIt() {
        world.fromEveryone(AuthorizationMatrix.get("/api/v1/contracts/" + number)
                .requiring(Scopes.READ_ORDERS)
                .exposing(number, world.tenant.path()))
                .verify();
    }

    @Test
    void listsAContractOnlyForItsCustomerAndThoseAboveIt() {
        world.fromEveryone(AuthorizationMatrix.get("/api/v1/contracts?limit=100&customerId=" + world.tenant.id())
                .requiring(Scopes.READ_ORDERS)
                .exposing(number, world.tenant.path())
                .hiddenWith(200))
                .verify();
    }

    @Test
    void exportsAContractOnlyForItsCustomerAndThoseAboveIt() {
        world.fromEveryone(AuthorizationMatrix.get("/api/v1/contracts/-dump")
                .requiring(Scopes.READ_ORDERS)
                .exposing(number, world.tenant.path())
                .hiddenWith(200))
                .verify();
    }

    @Test
    void showsCotermDatesOnlyToTheCustomerAndThoseAboveIt() {
        world.fromEveryone(AuthorizationMatrix.get("/api/v1/contracts/" + number + "/coterm-dates")
                .requiring(Scopes.READ_ORDERS)
                .exposing(number, world.tenant.path()))
                .verify();
    }

    @Test
    void givesAnotherPartnerNothingOfTheCustomer() {
        String token = TestTokens.forRole(Role.PARTNER_ADMIN, world.otherPartner);
        given().auth().oauth2(token).queryParam("contractNumber", number).get("/api/v1/contracts")
                .then().statusCode(200).body("data", empty());
        given().auth().oauth2(TestTokens.forRole(Role.TENANT_READER, world.tenant))
                .queryParam("contractNumber", number).get("/api/v1/contracts")
                .then().statusCode(200).body("data.contractNumber", contains(number));
    }
}
