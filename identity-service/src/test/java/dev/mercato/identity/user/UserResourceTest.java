package dev.mercato.identity.user;

import static dev.mercato.identity.user.TestAccounts.account;
import static dev.mercato.identity.user.TestAccounts.organization;
import static dev.mercato.identity.user.TestAccounts.platform;
import static dev.mercato.identity.user.TestAccounts.uniqueEmail;
import static dev.mercato.testkit.TestKafka.header;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.mercato.identity.user.TestAccounts.Account;
import dev.mercato.identity.user.TestAccounts.Org;
import dev.mercato.platform.security.Role;
import dev.mercato.testkit.TestKafka;
import dev.mercato.testkit.TestSql;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

@QuarkusTest
class UserResourceTest {

    private Org partner;
    private Org tenant;
    private Account partnerAdmin;

    @BeforeEach
    void partnerWithATenant() {
        Org distributor = organization("DISTRIBUTOR", platform());
        partner = organization("PARTNER", distributor);
        tenant = organization("TENANT", partner);
        partnerAdmin = account(partner, Role.PARTNER_ADMIN);
    }

    @Test
    void createsAUserInATenantAndPublishesAndAuditsIt() {
        String email = uniqueEmail("Ann.Admin");
        String id = create(partnerAdmin, Map.of("email", email, "name", "Ann Admin", "organizationId", tenant.id(),
                "role", "TENANT_ADMIN", "password", "a long enough password"))
                .statusCode(201)
                .body("code", equalTo(201))
                .body("data.id", startsWith("usr_"))
                .body("data.email", equalTo(email))
                .body("data.organizationId", equalTo(tenant.id()))
                .body("data.role", equalTo("TENANT_ADMIN"))
                .body("data.status", equalTo("ACTIVE"))
                .body("data", not(hasKey("password")))
                .body("data", not(hasKey("passwordHash")))
                .extract().path("data.id");

        ConsumerRecord<String, String> record = TestKafka.awaitRecord("identity.users", r -> id.equals(r.key()),
                Duration.ofSeconds(20));
        assertThat(header(record, "ce_type")).isEqualTo("mercato.identity.user.created.v1");
        assertThat(record.value()).contains("\"role\":\"TENANT_ADMIN\"").contains(tenant.id())
                .doesNotContain("pbkdf2").doesNotContain("a long enough password");
        Map<String, Object> stored = TestSql.rows("select owner_path, password_hash from app_user where id = ?", id).get(0);
        assertThat(stored.get("owner_path")).isEqualTo(tenant.path());
        assertThat((String) stored.get("password_hash")).startsWith("pbkdf2-sha256$600000$")
                .doesNotContain("a long enough password");
        assertThat(TestSql.number("select count(*) from audit_event where action = 'user.created' and target_id = ?"
                + " and actor = ? and owner_path = ?", id, partnerAdmin.userId(), tenant.path())).isEqualTo(1);
        assertThat(TestSql.rows("select details from audit_event where target_id = ?", id).toString())
                .doesNotContain("password");

        given().header("Authorization", partnerAdmin.bearer()).get("/api/v1/users/" + id)
                .then().statusCode(200).body("data.name", equalTo("Ann Admin"));
        assertThat(TestAccounts.login(email, "a long enough password")).isNotBlank();
    }

    @Test
    void putsAUserInTheCallersOwnOrganizationByDefault() {
        create(partnerAdmin, Map.of("email", uniqueEmail("reader"), "name", "Rita Reader", "role", "PARTNER_READER"))
                .statusCode(201)
                .body("data.organizationId", equalTo(partner.id()))
                .body("data.role", equalTo("PARTNER_READER"));
    }

    @Test
    void refusesASecondUserWithTheSameEmailInAnotherCase() {
        String email = uniqueEmail("dup");
        create(partnerAdmin, Map.of("email", email, "name", "First", "role", "PARTNER_READER")).statusCode(201);
        create(partnerAdmin, Map.of("email", email.toUpperCase(), "name", "Second", "role", "PARTNER_READER"))
                .statusCode(409).body("code", equalTo(409));
        assertThat(TestSql.number("select count(*) from app_user where lower(email) = lower(?)", email)).isEqualTo(1);
    }

    @Test
    void answersInvalidUsersWithFieldErrorsAndStoresNothing() {
        long before = TestSql.number("select count(*) from app_user");
        create(partnerAdmin, Map.of("email", "not-an-email", "name", "", "role", "TENANT_ADMIN"))
                .statusCode(400).body("code", equalTo(400))
                .body("errors.field", hasItems("email", "name"));
        create(partnerAdmin, Map.of("email", uniqueEmail("short"), "name", "Short", "role", "PARTNER_READER",
                "password", "too short"))
                .statusCode(400).body("errors[0].field", equalTo("password"));
        create(partnerAdmin, Map.of("email", uniqueEmail("norole"), "name", "No Role", "role", "KING"))
                .statusCode(400).body("code", equalTo(400));
        create(partnerAdmin, Map.of("email", uniqueEmail("kind"), "name", "Wrong Kind", "organizationId", tenant.id(),
                "role", "PARTNER_ADMIN"))
                .statusCode(400).body("errors[0].field", equalTo("role"));
        given().header("Authorization", partnerAdmin.bearer()).contentType(ContentType.JSON).body("{\"email\": ")
                .post("/api/v1/users").then().statusCode(400).body("code", equalTo(400));
        assertThat(TestSql.number("select count(*) from app_user")).isEqualTo(before);
    }

    @Test
    void listsFiltersAndDumpsOnlyTheUsersOfTheCallersSubtree() {
        String marker = "Zed" + UUID.randomUUID().toString().substring(0, 6);
        Account tenantAdmin = account(tenant, Role.TENANT_ADMIN);
        create(partnerAdmin, Map.of("email", uniqueEmail("a"), "name", marker + " A", "organizationId", tenant.id(),
                "role", "TENANT_READER")).statusCode(201);
        create(partnerAdmin, Map.of("email", uniqueEmail("b"), "name", marker + " B", "role", "PARTNER_READER"))
                .statusCode(201);

        given().header("Authorization", partnerAdmin.bearer())
                .queryParam("name[like]", marker + "%").queryParam("sort", "name")
                .get("/api/v1/users")
                .then().statusCode(200)
                .body("data.name", equalTo(List.of(marker + " A", marker + " B")))
                .body("pagination.total", equalTo(2));
        given().header("Authorization", tenantAdmin.bearer())
                .queryParam("name[like]", marker + "%")
                .get("/api/v1/users")
                .then().statusCode(200)
                .body("data.name", equalTo(List.of(marker + " A")));
        given().header("Authorization", tenantAdmin.bearer()).get("/api/v1/users/-dump")
                .then().statusCode(200)
                .body("organizationId", not(hasItem(partner.id())))
                .body("name", hasItem(marker + " A"));
        given().header("Authorization", partnerAdmin.bearer()).queryParam("sort", "passwordHash").get("/api/v1/users")
                .then().statusCode(400).body("code", equalTo(400));
    }

    @Test
    void hidesUsersOfAnotherPartnerAsIfTheyDidNotExist() {
        Org otherPartner = organization("PARTNER", organization("DISTRIBUTOR", platform()));
        Account stranger = account(otherPartner, Role.PARTNER_ADMIN);

        given().header("Authorization", partnerAdmin.bearer()).get("/api/v1/users/" + stranger.userId())
                .then().statusCode(404).body("code", equalTo(404));
        given().header("Authorization", partnerAdmin.bearer()).queryParam("id", stranger.userId())
                .get("/api/v1/users")
                .then().statusCode(200).body("pagination.total", equalTo(0));
        given().header("Authorization", partnerAdmin.bearer()).get("/api/v1/users/-dump")
                .then().statusCode(200).body("id", not(hasItem(stranger.userId())));
        patch(partnerAdmin, stranger.userId(), Map.of("status", "DISABLED")).statusCode(404);
        create(partnerAdmin, Map.of("email", uniqueEmail("intruder"), "name", "Intruder",
                "organizationId", otherPartner.id(), "role", "PARTNER_ADMIN"))
                .statusCode(400).body("errors[0].field", equalTo("organizationId"));
    }

    @Test
    void refusesWritesToReaders() {
        Account reader = account(partner, Role.PARTNER_READER);
        Account colleague = account(partner, Role.PARTNER_READER);

        create(reader, Map.of("email", uniqueEmail("x"), "name", "X", "role", "PARTNER_READER"))
                .statusCode(403).body("code", equalTo(403));
        patch(reader, colleague.userId(), Map.of("name", "Renamed")).statusCode(403);
        given().header("Authorization", reader.bearer()).get("/api/v1/users/" + colleague.userId())
                .then().statusCode(200);
    }

    @Test
    void refusesAnonymousCallers() {
        given().get("/api/v1/users").then().statusCode(401).body("code", equalTo(401));
    }

    @Test
    void renamesAUserAndPublishesTheUpdate() {
        Account colleague = account(partner, Role.PARTNER_READER);

        patch(partnerAdmin, colleague.userId(), Map.of("name", "New Name"))
                .statusCode(200).body("data.name", equalTo("New Name"));

        ConsumerRecord<String, String> record = TestKafka.awaitRecord("identity.users",
                r -> colleague.userId().equals(r.key()) && "mercato.identity.user.updated.v1".equals(header(r, "ce_type")),
                Duration.ofSeconds(20));
        assertThat(record.value()).contains("\"name\":\"New Name\"");
        patch(partnerAdmin, colleague.userId(), Map.of("status", "SLEEPING")).statusCode(400);
        patch(partnerAdmin, colleague.userId(), Map.of("name", " ")).statusCode(400)
                .body("errors[0].field", equalTo("name"));
    }

    @Test
    void disablingAUserRevokesItsTokensAtOnceAndRefusesItsLogins() {
        Account colleague = account(partner, Role.PARTNER_READER);
        given().header("Authorization", colleague.bearer()).get("/api/v1/users").then().statusCode(200);

        patch(partnerAdmin, colleague.userId(), Map.of("status", "DISABLED"))
                .statusCode(200).body("data.status", equalTo("DISABLED"));

        // The token dies as soon as the revocation event reaches this instance's deny list.
        awaitStatus(colleague, "/api/v1/users", 401, Duration.ofSeconds(15));
        assertThat(TestSql.number("select count(*) from credential_revocation where kind = 'SUBJECT' and value = ?",
                colleague.userId())).isEqualTo(1);
        TestKafka.awaitRecord("identity.revocations", r -> colleague.userId().equals(r.key()), Duration.ofSeconds(20));
        given().contentType(ContentType.JSON)
                .body(Map.of("email", colleague.email(), "password", TestAccounts.PASSWORD))
                .post("/api/v1/auth/login")
                .then().statusCode(401);
    }

    @Test
    void refusesToDisableYourself() {
        patch(partnerAdmin, partnerAdmin.userId(), Map.of("status", "DISABLED")).statusCode(409);
    }

    @Test
    void replaysACreateWithTheSameIdempotencyKey() {
        String key = UUID.randomUUID().toString();
        Map<String, Object> body = Map.of("email", uniqueEmail("once"), "name", "Once", "role", "PARTNER_READER",
                "password", "a long enough password");
        String first = given().header("Authorization", partnerAdmin.bearer()).header("Idempotency-Key", key)
                .contentType(ContentType.JSON).body(body).post("/api/v1/users")
                .then().statusCode(201).extract().asString();
        String second = given().header("Authorization", partnerAdmin.bearer()).header("Idempotency-Key", key)
                .contentType(ContentType.JSON).body(body).post("/api/v1/users")
                .then().statusCode(201).header("Idempotent-Replayed", "true").extract().asString();
        assertThat(second).isEqualTo(first);
        assertThat(TestSql.rows("select response_body, request_hash from idempotency_key where idem_key = ?", key)
                .toString()).doesNotContain("a long enough password");
    }

    private static ValidatableResponse create(Account caller, Map<String, Object> body) {
        return given().header("Authorization", caller.bearer()).contentType(ContentType.JSON).body(new HashMap<>(body))
                .when().post("/api/v1/users").then();
    }

    private static ValidatableResponse patch(Account caller, String id, Map<String, Object> body) {
        return given().header("Authorization", caller.bearer()).contentType(ContentType.JSON).body(body)
                .when().patch("/api/v1/users/" + id).then();
    }

    static void awaitStatus(Account caller, String path, int status, Duration within) {
        long deadline = System.nanoTime() + within.toNanos();
        int last;
        do {
            last = given().header("Authorization", caller.bearer()).get(path).statusCode();
            if (last == status) {
                return;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        } while (System.nanoTime() < deadline);
        assertThat(last).as("status of GET " + path + " within " + within).isEqualTo(status);
    }

}
