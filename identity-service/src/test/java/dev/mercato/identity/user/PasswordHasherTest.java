package dev.mercato.identity.user;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dev.mercato.platform.api.ApiException;
import io.vertx.mutiny.core.Vertx;

/** Password hashing and the length policy, without the service around them. */
class PasswordHasherTest {

    private static Vertx vertx;

    @BeforeAll
    static void startVertx() {
        vertx = Vertx.vertx();
    }

    @AfterAll
    static void stopVertx() {
        vertx.closeAndAwait();
    }

    @Test
    void hashesWithASaltAndAtLeast600000IterationsAndVerifiesOnlyTheRightPassword() {
        PasswordHasher hasher = new PasswordHasher(vertx, config(600_000));

        String first = hasher.hash("correct horse battery staple").await().indefinitely();
        String second = hasher.hash("correct horse battery staple").await().indefinitely();

        assertThat(first).startsWith("pbkdf2-sha256$600000$").doesNotContain("correct horse");
        assertThat(second).isNotEqualTo(first);
        assertThat(hasher.verify("correct horse battery staple", first).await().indefinitely()).isTrue();
        assertThat(hasher.verify("correct horse battery stapler", first).await().indefinitely()).isFalse();
        assertThat(hasher.verify("anything", null).await().indefinitely()).isFalse();
    }

    @Test
    void refusesAConfigurationBelow600000Iterations() {
        assertThatThrownBy(() -> new PasswordHasher(vertx, config(100_000))).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void requiresTwelveCharactersOrTheOrganizationsLongerMinimum() {
        PasswordPolicy policy = new PasswordPolicy(config(600_000));

        policy.requireAcceptable("password", "twelve chars", 0);
        assertThatThrownBy(() -> policy.requireAcceptable("password", "eleven char", 0))
                .isInstanceOf(ApiException.class).hasMessageContaining("Invalid");
        assertThatThrownBy(() -> policy.requireAcceptable("password", "twelve chars", 16)).isInstanceOf(ApiException.class);
        assertThatThrownBy(() -> policy.requireAcceptable("password", "x".repeat(129), 0)).isInstanceOf(ApiException.class);
        assertThatThrownBy(() -> policy.requireAcceptable("password", " ".repeat(20), 0)).isInstanceOf(ApiException.class);
        // Counted as people count: twelve emoji are twelve characters, though 24 UTF-16 units.
        policy.requireAcceptable("password", "🔑".repeat(12), 0);
        assertThatThrownBy(() -> policy.requireAcceptable("password", "🔑".repeat(11), 0)).isInstanceOf(ApiException.class);
    }

    private static PasswordConfig config(int iterations) {
        return new PasswordConfig() {
            @Override
            public int iterations() {
                return iterations;
            }

            @Override
            public int maxLength() {
                return 128;
            }
        };
    }
}
