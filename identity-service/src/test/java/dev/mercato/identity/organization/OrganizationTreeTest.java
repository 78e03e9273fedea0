package dev.mercato.identity.organization;

import static dev.mercato.identity.organization.OrganizationApi.admin;
import static dev.mercato.identity.organization.OrganizationApi.as;
import static dev.mercato.identity.organization.OrganizationApi.create;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

import java.time.Duration;
import java.util.List;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import dev.mercato.testkit.TestKafka;
import io.quarkus.test.junit.QuarkusTest;

/** The organization tree: who may create what where, and who sees what. */
@QuarkusTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OrganizationTreeTest {

    private String distributor;
    private String partnerA;
    private String partnerB;
    private String tenantOfA;
    private String tenantOfB;
    private String partnerAdminA;

    /** Once per class, but after Quarkus has pointed RestAssured at the test port. */
    @BeforeEach
    void buildTree() {
        if (partnerAdminA != null) {
            return;
        }
        distributor = create(admin(), "distributors", "Tree Distribution AB", null);
        partnerA = create(admin(), "partners", "Partner A Oy", distributor);
        partnerB = create(admin(), "partners", "Partner B Oy", distributor);
        tenantOfA = create(admin(), "tenants", "Tenant of A Oy", partnerA);
        tenantOfB = create(admin(), "tenants", "Tenant of B Oy", partnerB);
        partnerAdminA = OrganizationApi.loginAs(partnerA, "PARTNER_ADMIN");
    }

    @Test
    void aPartnerSeesItsOwnTenantsAndNeverAnotherPartners() {
        as(partnerAdminA).get("/api/v1/tenants?limit=100").then().statusCode(200)
                .body("data.id", hasItem(tenantOfA))
                .body("data.id", not(hasItem(tenantOfB)));
        as(partnerAdminA).get("/api/v1/tenants/" + tenantOfA).then().statusCode(200);
        as(partnerAdminA).get("/api/v1/tenants/" + tenantOfB).then().statusCode(404)
                .body("code", equalTo(404)).body("data", equalTo(null));
        as(partnerAdminA).get("/api/v1/customers/" + tenantOfB).then().statusCode(404);
        as(partnerAdminA).get("/api/v1/tenants/-dump").then().statusCode(200)
                .body("id", hasItem(tenantOfA))
                .body("id", not(hasItem(tenantOfB)));
        as(partnerAdminA).get("/api/v1/partners").then().statusCode(200)
                .body("data.id", equalTo(List.of(partnerA)));
        as(partnerAdminA).get("/api/v1/distributors").then().statusCode(200)
                .body("pagination.total", equalTo(0));
    }

    @Test
    void aPartnerCreatesTenantsOnlyUnderItself() {
        String tenant = create(partnerAdminA, "tenants", "Own Tenant Oy", null);
        as(admin()).get("/api/v1/tenants/" + tenant).then().statusCode(200).body("data.parentId", equalTo(partnerA));

        as(partnerAdminA).body("{\"name\": \"Sneaky Oy\", \"countryCode\": \"FI\", \"parentId\": \"" + partnerB + "\"}")
                .post("/api/v1/tenants").then().statusCode(400).body("errors[0].field", equalTo("parentId"));
        as(partnerAdminA).body("{\"name\": \"Rogue Distribution\", \"countryCode\": \"FI\"}")
                .post("/api/v1/distributors").then().statusCode(403).body("code", equalTo(403));
        as(partnerAdminA).body("{\"name\": \"Renamed\"}")
                .patch("/api/v1/tenants/" + tenantOfB).then().statusCode(404);
    }

    @Test
    void aReaderCannotWrite() {
        String reader = OrganizationApi.loginAs(partnerA, "PARTNER_READER");
        as(reader).get("/api/v1/tenants/" + tenantOfA).then().statusCode(200);
        as(reader).body("{\"name\": \"Reader Oy\", \"countryCode\": \"FI\"}")
                .post("/api/v1/tenants").then().statusCode(403).body("code", equalTo(403));
        as(reader).body("{\"name\": \"Renamed by reader\"}")
                .patch("/api/v1/tenants/" + tenantOfA).then().statusCode(403);
        // refused before its body is read: no field errors for a caller who may not write at all
        as(reader).body("{\"currency\": \"euros\"}").post("/api/v1/customers").then().statusCode(403)
                .body("errors", equalTo(java.util.List.of()));
        as(reader).body("{\"name\": \"\"}").patch("/api/v1/tenants/" + tenantOfA).then().statusCode(403);
        as(reader).body("{\"name\": \"Reader Oy\"}").post("/api/v1/distributors").then().statusCode(403);
    }

    @Test
    void refusesCallersWithoutAValidToken() {
        given().get("/api/v1/tenants").then().statusCode(401)
                .header("WWW-Authenticate", notNullValue())
                .body("code", equalTo(401)).body("data", equalTo(null));
        given().header("Authorization", "Bearer not-a-jwt").get("/api/v1/tenants/" + tenantOfA)
                .then().statusCode(401).body("code", equalTo(401));
    }

    @Test
    void publishesChangesWithTheAncestry() {
        as(admin()).body("{\"name\": \"Tenant of A, renamed\", \"status\": \"SUSPENDED\"}")
                .patch("/api/v1/tenants/" + tenantOfA).then().statusCode(200)
                .body("data.name", equalTo("Tenant of A, renamed"))
                .body("data.status", equalTo("SUSPENDED"));
        ConsumerRecord<String, String> updated = TestKafka.awaitRecord("identity.organizations",
                record -> tenantOfA.equals(record.key()) && record.value().contains("renamed"), Duration.ofSeconds(20));
        assertThat(new String(updated.headers().lastHeader("ce_type").value()))
                .isEqualTo("mercato.identity.organization.updated.v1");
        assertThat(updated.value()).contains("\"ancestry\":[").contains(distributor).contains(partnerA)
                .contains("\"version\":1");
    }

    @Test
    void platformAdminSeesTheWholeTree() {
        as(admin()).get("/api/v1/partners?limit=100&parentId=" + distributor).then().statusCode(200)
                .body("data.id", hasItem(partnerA)).body("data.id", hasItem(partnerB))
                .body("data.kind", everyItem(equalTo("PARTNER")));
        as(admin()).body("{\"name\": \"CloudMeter Inc\", \"countryCode\": \"US\", \"currency\": \"usd\"}")
                .post("/api/v1/vendors").then().statusCode(201).body("data.kind", equalTo("VENDOR"));
    }
}
