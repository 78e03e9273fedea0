package dev.mercato.identity.user;

import static dev.mercato.identity.user.TestAccounts.account;
import static dev.mercato.identity.user.TestAccounts.organization;
import static dev.mercato.identity.user.TestAccounts.platform;
import static dev.mercato.identity.user.TestAccounts.uniqueEmail;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.hamcrest.Matchers.equalTo;

import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import dev.mercato.identity.user.TestAccounts.Account;
import dev.mercato.identity.user.TestAccounts.Org;
import dev.mercato.platform.security.Role;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.restassured.http.ContentType;

/**
 * PBKDF2 (hundreds of milliseconds) never runs while a request holds a database session, which would
 * keep a pooled connection busy for the whole hash: the hasher refuses, and every path that hashes does
 * so before or after its transaction.
 */
@QuarkusTest
class PasswordHashingOutsideTransactionsTest {

    @Inject
    PasswordHasher hasher;

    @Test
    void refusesToHashOrVerifyInsideADatabaseSession() {
        Throwable hashing = catchThrowable(() -> VertxContextSupport.subscribeAndAwait(
                () -> Panache.withTransaction(() -> hasher.hash("a long enough password"))));
        Throwable verifying = catchThrowable(() -> VertxContextSupport.subscribeAndAwait(
                () -> Panache.withSession(() -> hasher.verify("a long enough password", null))));

        assertThat(hashing).isInstanceOf(IllegalStateException.class).hasMessageContaining("database session");
        assertThat(verifying).isInstanceOf(IllegalStateException.class).hasMessageContaining("database session");
    }

    @Test
    void createsAUserWithAPasswordUnderAnIdempotencyKeyAndLetsItLogIn() {
        Org tenant = organization("TENANT", organization("PARTNER", organization("DISTRIBUTOR", platform())));
        Account admin = account(tenant, Role.TENANT_ADMIN);
        String email = uniqueEmail("idempotent.hash");
        Map<String, Object> body = Map.of("email", email, "name", "Ida Hash", "organizationId", tenant.id(),
                "role", "TENANT_READER", "password", "a long enough password");
        String key = "create-" + email;

        String id = given().header("Authorization", admin.bearer()).header("Idempotency-Key", key)
                .contentType(ContentType.JSON).body(body).post("/api/v1/users")
                .then().statusCode(201).extract().path("data.id");
        given().header("Authorization", admin.bearer()).header("Idempotency-Key", key)
                .contentType(ContentType.JSON).body(body).post("/api/v1/users")
                .then().statusCode(201).body("data.id", equalTo(id));

        assertThat(TestAccounts.login(email, "a long enough password")).isNotBlank();
    }
}
