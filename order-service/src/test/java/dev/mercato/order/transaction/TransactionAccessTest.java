package dev.mercato.order.transaction;

import static dev.mercato.order.transaction.OrderFixture.csnOf;
import static dev.mercato.order.transaction.OrderFixture.initialOrder;
import static dev.mercato.order.transaction.OrderFixture.json;
import static dev.mercato.order.transaction.OrderFixture.newPurchaseOrder;
import static io.restassured.RestAssured.given;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import dev.mercato.platform.security.Role;
import dev.mercato.platform.security.Scopes;
import dev.mercato.testkit.AuthorizationMatrix;
import dev.mercato.testkit.TestOrganization;
import dev.mercato.testkit.TestTokens;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Who may place and see transactions: a partner orders for its own tenants only; the tenant, its partner, the
 * distributor above and the platform see the order; the other partner, its tenant and the vendor do not.
 */
@QuarkusTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TransactionAccessTest {

    private final OrderFixture fixture = new OrderFixture();
    private String csn;
    private String transactionId;
    private TestOrganization[] everyone;

    @BeforeAll
    void publish() {
        fixture.publish();
        csn = csnOf(fixture.tenant);
        everyone = new TestOrganization[] {fixture.platform, fixture.distributor, fixture.partner, fixture.tenant,
                fixture.otherPartner, fixture.otherTenant, fixture.vendor};
    }

    /** The tenant's order, placed by its partner on first use (HTTP is up only once a test runs). */
    private String transactionId() {
        if (transactionId == null) {
            transactionId = given().auth().oauth2(TestTokens.forRole(Role.PARTNER_ADMIN, fixture.partner))
                    .contentType("application/json").queryParam("type", "INITIAL")
                    .body(json(initialOrder(csn, newPurchaseOrder(), fixture.sku, 1, 47)))
                    .post("/api/v1/transactions").then().statusCode(202).extract().path("data.id");
        }
        return transactionId;
    }

    @Test
    void showsATransactionToItsCustomerAndTheOrganizationsAboveIt() {
        AuthorizationMatrix.get("/api/v1/transactions/" + transactionId())
                .requiring(Scopes.READ_ORDERS)
                .exposing(transactionId(), fixture.tenant.path())
                .callersFrom(everyone)
                .verify();
    }

    @Test
    void listsATransactionOnlyForThoseWhoSeeIt() {
        AuthorizationMatrix.get("/api/v1/transactions?limit=100&customerId=" + fixture.tenant.id())
                .requiring(Scopes.READ_ORDERS)
                .exposing(transactionId(), fixture.tenant.path())
                .hiddenWith(200)
                .callersFrom(everyone)
                .verify();
    }

    @Test
    void exportsATransactionOnlyForThoseWhoSeeIt() {
        AuthorizationMatrix.get("/api/v1/transactions/-dump")
                .requiring(Scopes.READ_ORDERS)
                .exposing(transactionId(), fixture.tenant.path())
                .hiddenWith(200)
                .callersFrom(everyone)
                .verify();
    }

    @Test
    void letsOnlyWritersAboveTheCustomerPlaceAnOrderForIt() {
        // A writer who does not see the customer is told it is not among theirs (422), and nothing is stored.
        AuthorizationMatrix.request("POST", "/api/v1/transactions?type=INITIAL")
                .body(json(initialOrder(csn, newPurchaseOrder(), fixture.sku, 1, 47)))
                .requiring(Scopes.WRITE_ORDERS)
                .exposing(fixture.tenant)
                .allowedWith(202)
                .hiddenWith(422)
                .callersFrom(everyone)
                .verify();
    }

    @Test
    void letsOnlyWritersWhoSeeATransactionRetryIt() {
        // The transaction is not stuck, so an allowed caller is told so (409); a foreign one never learns it exists.
        AuthorizationMatrix.request("POST", "/api/v1/transactions/" + transactionId() + "/retry")
                .requiring(Scopes.WRITE_ORDERS)
                .exposing(transactionId(), fixture.tenant.path())
                .allowedWith(409)
                .callersFrom(everyone)
                .verify();
    }
}
