package dev.mercato.platform.security.token;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CachedBearerMechanismTest {

    @Test
    void readsTheTokenOfABearerHeaderInAnyCase() {
        assertThat(CachedBearerMechanism.bearerToken("Bearer abc.def.ghi")).isEqualTo("abc.def.ghi");
        assertThat(CachedBearerMechanism.bearerToken("bearer abc")).isEqualTo("abc");
        assertThat(CachedBearerMechanism.bearerToken("BEARER  abc ")).isEqualTo("abc");
    }

    @Test
    void findsNoTokenInAnythingElse() {
        assertThat(CachedBearerMechanism.bearerToken(null)).isNull();
        assertThat(CachedBearerMechanism.bearerToken("")).isNull();
        assertThat(CachedBearerMechanism.bearerToken("Bearer ")).isNull();
        assertThat(CachedBearerMechanism.bearerToken("Bearer    ")).isNull();
        assertThat(CachedBearerMechanism.bearerToken("Basic dXNlcjpwYXNz")).isNull();
        assertThat(CachedBearerMechanism.bearerToken("Bearerabc")).isNull();
    }
}
