package dev.mercato.identity.organization;

import static dev.mercato.testkit.TestKafka.header;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;

import java.time.Duration;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import dev.mercato.testkit.TestKafka;
import dev.mercato.testkit.TestSql;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

@QuarkusTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TenantResourceTest {

    private String partnerId;

    /** Once per class, but after Quarkus has pointed RestAssured at the test port. */
    @BeforeEach
    void createPartner() {
        if (partnerId != null) {
            return;
        }
        String distributor = OrganizationApi.create(OrganizationApi.admin(), "distributors", "Tenant Test Distribution", null);
        partnerId = OrganizationApi.create(OrganizationApi.admin(), "partners", "Tenant Test Partner", distributor);
    }

    private String tenantJson(String name, String customerNumber) {
        return """
                {"name": "%s", "customerNumber": "%s", "countryCode": "FI", "currency": "EUR", "billingDay": 5,
                 "segment": "MIDMARKET", "address": {"line1": "Street 35", "city": "Helsinki", "postalCode": "00100"},
                 "metadata": {"seats": 150}, "parentId": "%s"}""".formatted(name, customerNumber, partnerId);
    }

    private static String uniqueCsn() {
        return OrganizationApi.uniqueCsn();
    }

    /** Every request of this class is the platform admin's. */
    private static RequestSpecification given() {
        return OrganizationApi.as(OrganizationApi.admin());
    }

    @Test
    void createsTenantAndPublishesItThroughTheOutbox() {
        String csn = uniqueCsn();
        String id = given().contentType(ContentType.JSON).header("X-Request-ID", "req-tenant-1")
                .body(tenantJson("Acme Oy", csn))
                .when().post("/api/v1/tenants")
                .then().statusCode(201)
                .header("X-Request-ID", "req-tenant-1")
                .body("code", equalTo(201))
                .body("data.id", startsWith("org_"))
                .body("data.kind", equalTo("TENANT"))
                .body("data.customerNumber", equalTo(csn))
                .body("data.currency", equalTo("eur"))
                .body("data.metadata.seats", equalTo(150))
                .extract().path("data.id");

        ConsumerRecord<String, String> record = TestKafka.awaitRecord("identity.organizations",
                r -> id.equals(r.key()), Duration.ofSeconds(20));
        assertThat(header(record, "ce_type")).isEqualTo("mercato.identity.organization.created.v1");
        assertThat(header(record, "ce_source")).isEqualTo("/mercato/identity-service");
        assertThat(header(record, "ce_subject")).isEqualTo(id);
        assertThat(header(record, "ce_id")).isNotBlank();
        assertThat(header(record, "x-request-id")).isEqualTo("req-tenant-1");
        assertThat(record.value()).contains("\"customerNumber\":\"" + csn + "\"").contains("\"kind\":\"TENANT\"");

        given().when().get("/api/v1/tenants/" + id)
                .then().statusCode(200).body("data.name", equalTo("Acme Oy"));
    }

    @Test
    void rejectsInvalidTenantWithFieldErrorsAndStoresNothing() {
        long before = TestSql.number("select count(*) from organization");
        given().contentType(ContentType.JSON)
                .body("""
                        {"name": "", "customerNumber": "123", "countryCode": "XX", "billingDay": 31}""")
                .when().post("/api/v1/tenants")
                .then().statusCode(400)
                .body("code", equalTo(400))
                .body("message", notNullValue())
                .body("errors.field", hasItem("name"))
                .body("errors.field", hasItem("customerNumber"))
                .body("errors.field", hasItem("billingDay"));
        given().contentType(ContentType.JSON).body(tenantJson("Nowhere Ltd", uniqueCsn()).replace("\"FI\"", "\"XX\""))
                .when().post("/api/v1/tenants")
                .then().statusCode(400).body("errors[0].field", equalTo("countryCode"));
        assertThat(TestSql.number("select count(*) from organization")).isEqualTo(before);
    }

    @Test
    void answersMalformedBodiesWithTheErrorShape() {
        given().contentType(ContentType.JSON).body("{\"name\": ")
                .when().post("/api/v1/tenants")
                .then().statusCode(400).body("code", equalTo(400)).body("message", notNullValue());
        given().contentType(ContentType.JSON).body(tenantJson("Typo Oy", uniqueCsn()).replace("\"segment\"", "\"segmnet\""))
                .when().post("/api/v1/tenants")
                .then().statusCode(400).body("code", equalTo(400));
        given().contentType(ContentType.JSON).body("{\"name\": \"X\", \"countryCode\": \"FI\", \"billingDay\": \"soon\"}")
                .when().post("/api/v1/tenants")
                .then().statusCode(400).body("errors[0].field", equalTo("billingDay"));
        given().contentType(ContentType.TEXT).body("hello")
                .when().post("/api/v1/tenants")
                .then().statusCode(415).body("code", equalTo(415));
    }

    @Test
    void answersUnknownTenantWith404InTheErrorShape() {
        given().when().get("/api/v1/tenants/org_doesnotexist")
                .then().statusCode(404).body("code", equalTo(404)).body("message", notNullValue());
    }

    @Test
    void rejectsADuplicateCustomerNumber() {
        String csn = uniqueCsn();
        given().contentType(ContentType.JSON).body(tenantJson("First Oy", csn)).post("/api/v1/tenants")
                .then().statusCode(201);
        given().contentType(ContentType.JSON).body(tenantJson("Second Oy", csn)).post("/api/v1/tenants")
                .then().statusCode(409).body("code", equalTo(409));
    }

    @Test
    void replaysTheFirstAnswerForARepeatedIdempotencyKey() {
        String key = UUID.randomUUID().toString();
        String body = tenantJson("Once Oy", uniqueCsn());
        String first = given().contentType(ContentType.JSON).header("Idempotency-Key", key).body(body)
                .post("/api/v1/tenants").then().statusCode(201).extract().asString();
        String second = given().contentType(ContentType.JSON).header("X-Idempotency-Key", key).body(body)
                .post("/api/v1/tenants").then().statusCode(201).header("Idempotent-Replayed", "true")
                .extract().asString();
        assertThat(second).isEqualTo(first);
        assertThat(TestSql.number("select count(*) from organization where name = 'Once Oy'")).isEqualTo(1);

        given().contentType(ContentType.JSON).header("Idempotency-Key", key).body(tenantJson("Other Oy", uniqueCsn()))
                .post("/api/v1/tenants").then().statusCode(422).body("code", equalTo(422));
        assertThat(TestSql.number("select count(*) from organization where name = 'Other Oy'")).isZero();
    }

    @Test
    void listsTenantsWithFiltersSortAndPagination() {
        String prefix = "List" + UUID.randomUUID().toString().substring(0, 8);
        for (int i = 1; i <= 3; i++) {
            given().contentType(ContentType.JSON).body(tenantJson(prefix + " " + i, uniqueCsn()))
                    .post("/api/v1/tenants").then().statusCode(201);
        }
        given().queryParam("name[like]", prefix + "%").queryParam("sort", "name").queryParam("limit", 2)
                .when().get("/api/v1/tenants")
                .then().statusCode(200)
                .body("data", hasSize(2))
                .body("data[0].name", equalTo(prefix + " 1"))
                .body("pagination.total", equalTo(3))
                .body("pagination.pages", equalTo(2));
        given().queryParam("filter", "$like(name,'" + prefix + "%')-and-$neq(name,'" + prefix + " 2')")
                .queryParam("sort", "-name").queryParam("offset", 1).queryParam("limit", 5)
                .when().get("/api/v1/tenants")
                .then().statusCode(200)
                .body("data", hasSize(1))
                .body("data[0].name", equalTo(prefix + " 1"))
                .body("pagination.total", equalTo(2));
        given().queryParam("sort", "password").when().get("/api/v1/tenants")
                .then().statusCode(400).body("code", equalTo(400));
    }

    @Test
    void dumpsEveryTenant() {
        given().contentType(ContentType.JSON).body(tenantJson("Dumped Oy", uniqueCsn())).post("/api/v1/tenants")
                .then().statusCode(201);
        long tenants = TestSql.number("select count(*) from organization where kind = 'TENANT'");
        given().when().get("/api/v1/tenants/-dump")
                .then().statusCode(200)
                .body("size()", equalTo((int) tenants))
                .body("name", hasItem("Dumped Oy"));
    }

}
