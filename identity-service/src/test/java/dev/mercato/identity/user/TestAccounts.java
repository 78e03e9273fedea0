package dev.mercato.identity.user;

import static io.restassured.RestAssured.given;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.mercato.platform.id.Ids;
import dev.mercato.platform.security.Role;
import dev.mercato.testkit.TestSql;
import io.quarkus.arc.Arc;
import io.restassured.http.ContentType;

/**
 * The world the tests of users, roles, logins and settings act in: organizations anywhere in the tree
 * (stored directly, as the organization API is not what is under test) and users in them who log in
 * through {@code POST /api/v1/auth/login}, so every token is a real one of identity-service.
 */
public final class TestAccounts {

    /** The password of every account made here. */
    public static final String PASSWORD = "correct horse battery staple";

    private static volatile String passwordHash;

    private TestAccounts() {
    }

    /** An organization of the tree. */
    public record Org(String id, String kind, String path) {
    }

    /** A user who has logged in. */
    public record Account(String userId, String email, Org organization, Role role, String token) {

        public String bearer() {
            return "Bearer " + token;
        }
    }

    public static Org platform() {
        Map<String, Object> row = TestSql.rows("select id, path from organization where kind = 'PLATFORM'").get(0);
        return new Org((String) row.get("id"), "PLATFORM", (String) row.get("path"));
    }

    /** A new active organization of {@code kind} directly under {@code parent}. */
    public static Org organization(String kind, Org parent) {
        String id = Ids.next("org");
        String path = parent.path() + "/" + id;
        Timestamp now = Timestamp.from(Instant.now());
        TestSql.execute("""
                insert into organization (id, kind, parent_id, ancestry, path, name, customer_number, country_code,
                    status, currency, billing_day, metadata, created_at, updated_at, version)
                values (?, ?, ?, ?, ?, ?, ?, 'FI', 'ACTIVE', 'eur', 1, '{}', ?, ?, 0)""",
                id, kind, parent.id(), parent.path(), path, kind.toLowerCase(Locale.ROOT) + " " + id,
                String.valueOf(ThreadLocalRandom.current().nextLong(1_000_000_000L, 9_999_999_999L)), now, now);
        return new Org(id, kind, path);
    }

    /** A new user with {@link #PASSWORD}, stored directly, logged in. */
    public static Account account(Org organization, Role role) {
        String email = uniqueEmail(role.name().toLowerCase(Locale.ROOT));
        String userId = Ids.next("usr");
        Timestamp now = Timestamp.from(Instant.now());
        TestSql.execute("""
                insert into app_user (id, email, name, status, organization_id, owner_path, role, password_hash,
                    created_at, updated_at, version)
                values (?, ?, ?, 'ACTIVE', ?, ?, ?, ?, ?, ?, 0)""",
                userId, email, "Test " + role, organization.id(), organization.path(), role.name(), passwordHash(),
                now, now);
        return new Account(userId, email, organization, role, login(email, PASSWORD));
    }

    /** Logs in through the API; the access token. */
    public static String login(String email, String password) {
        return given().contentType(ContentType.JSON)
                .body(Map.of("email", email, "password", password))
                .when().post("/api/v1/auth/login")
                .then().statusCode(200)
                .extract().path("access_token");
    }

    public static String uniqueEmail(String prefix) {
        return prefix + "." + UUID.randomUUID().toString().substring(0, 12) + "@example.test";
    }

    /** The claims of an access token (its signature is the service's business, not the test's). */
    public static JsonNode claims(String accessToken) {
        try {
            return new ObjectMapper().readTree(Base64.getUrlDecoder().decode(accessToken.split("\\.")[1]));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public static List<String> scopes(String accessToken) {
        return List.of(claims(accessToken).path("scope").asText().split(" "));
    }

    /** One real hash of {@link #PASSWORD}, computed once: each costs a few hundred milliseconds. */
    private static String passwordHash() {
        if (passwordHash == null) {
            synchronized (TestAccounts.class) {
                if (passwordHash == null) {
                    passwordHash = Arc.container().instance(PasswordHasher.class).get().hash(PASSWORD)
                            .await().indefinitely();
                }
            }
        }
        return passwordHash;
    }
}
