package dev.mercato.order.opportunity;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import dev.mercato.order.AccessFixture;
import dev.mercato.order.TestContracts;
import dev.mercato.platform.events.Topics;
import dev.mercato.platform.security.Role;
import dev.mercato.platform.security.Scopes;
import dev.mercato.testkit.AuthorizationMatrix;
import dev.mercato.testkit.TestKafka;
import dev.mercato.testkit.TestSql;
import dev.mercato.testkit.TestTokens;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Who sees an opportunity (its customer and those above it) and who changes its sales status (those of them
 * that order: the platform, the distributor, the partner). Customers in Hungary (HU).
 */
@QuarkusTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OpportunityAccessTest {

    @Inject
    TestContracts contracts;

    private AccessFixture world;
    private String id;
    private String number;

    @BeforeAll
    void makeTheWorld() {
        world = new AccessFixture("HU", contracts);
        String contractId = world.contract.contract().id;
        await().atMost(Duration.ofSeconds(20))
                .until(() -> TestSql.number("select count(*) from opportunity where contract_id = ?", contractId) == 1);
        var row = TestSql.rows("select id, opportunity_number from opportunity where contract_id = ?", contractId).get(0);
        id = (String) row.get("id");
        number = (String) row.get("opportunity_number");
    }

    @Test
    void showsAnOpportunityOnlyToItsCustomerAndThoseAboveIt() {
        world.fromEveryone(AuthorizationMatrix.get("/api/v1/opportunities/" + id)
                .requiring(Scopes.READ_ORDERS)
                .exposing(id, world.tenant.path()))
                .verify();
    }

    @Test
    void findsAnOpportunityByItsNumberToo() {
        world.fromEveryone(AuthorizationMatrix.get("/api/v1/opportunities/" + number)
                .requiring(Scopes.READ_ORDERS)
                .exposing(id, world.tenant.path()))
                .verify();
    }

    @Test
    void listsAnOpportunityOnlyForItsCustomerAndThoseAboveIt() {
        world.fromEveryone(AuthorizationMatrix.get("/api/v1/opportunities?limit=100&customerId=" + world.tenant.id())
                .requiring(Scopes.READ_ORDERS)
                .exposing(id, world.tenant.path())
                .hiddenWith(200))
                .verify();
    }

    @Test
    void exportsAnOpportunityOnlyForItsCustomerAndThoseAboveIt() {
        world.fromEveryone(AuthorizationMatrix.get("/api/v1/opportunities/-dump")
                .requiring(Scopes.READ_ORDERS)
                .exposing(id, world.tenant.path())
                .hiddenWith(200))
                .verify();
    }

    @Test
    void letsOnlyTheOrderingSideChangeTheSalesStatus() {
        world.fromEveryone(AuthorizationMatrix.request("PATCH", "/api/v1/opportunities/" + id)
                .body("{\"salesStatus\": \"CONTACTED_QUOTED\"}")
                .requiring(Scopes.WRITE_ORDERS)
                .exposing(id, world.tenant.path()))
                .verify();
        TestKafka.awaitRecord(Topics.ORDERS_OPPORTUNITIES, record -> record.key().equals(id)
                && record.value().contains("\"salesStatus\":\"CONTACTED_QUOTED\""), Duration.ofSeconds(30));
    }

    @Test
    void refusesAnUnknownSalesStatusAndAStaleVersion() {
        String token = TestTokens.forRole(Role.PARTNER_ADMIN, world.partner);
        given().auth().oauth2(token).contentType("application/json").body("{\"salesStatus\": \"WON\"}")
                .patch("/api/v1/opportunities/" + id)
                .then().statusCode(400).body("errors[0].field", equalTo("salesStatus"));
        given().auth().oauth2(token).contentType("application/json").body("{}")
                .patch("/api/v1/opportunities/" + id)
                .then().statusCode(400).body("errors[0].field", equalTo("salesStatus"));
        long version = TestSql.number("select version from opportunity where id = ?", id);
        given().auth().oauth2(token).contentType("application/json")
                .body("{\"salesStatus\": \"DELAYED_SALES_PROCESS\", \"version\": " + (version + 5) + "}")
                .patch("/api/v1/opportunities/" + id)
                .then().statusCode(409);
        given().auth().oauth2(token).contentType("application/json")
                .body("{\"salesStatus\": \"LOST_NO_BUDGET\", \"version\": " + version + "}")
                .patch("/api/v1/opportunities/" + number)
                .then().statusCode(200).body("data.salesStatus", equalTo("LOST_NO_BUDGET"));
    }
}
