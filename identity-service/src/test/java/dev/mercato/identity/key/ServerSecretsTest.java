package dev.mercato.identity.key;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Base64;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class ServerSecretsTest {

    private static final String NAME = "mercato.identity.secret-pepper";
    private static final String VARIABLE = "MERCATO_IDENTITY_SECRET_PEPPER";

    @Test
    void requiresTheSecretInProd() {
        assertThatThrownBy(() -> ServerSecrets.resolve(NAME, VARIABLE, Optional.empty(), true))
                .hasMessageContaining(VARIABLE);
        assertThatThrownBy(() -> ServerSecrets.resolve(NAME, VARIABLE, Optional.of("  "), true))
                .hasMessageContaining("required");
    }

    @Test
    void refusesValuesThatAreNot32Base64Bytes() {
        assertThatThrownBy(() -> ServerSecrets.resolve(NAME, VARIABLE, Optional.of("not base64!"), true))
                .hasMessageContaining("base64").hasMessageNotContaining("not base64!");
        String short16 = Base64.getEncoder().encodeToString(new byte[16]);
        assertThatThrownBy(() -> ServerSecrets.resolve(NAME, VARIABLE, Optional.of(short16), true))
                .hasMessageContaining("32 bytes");
    }

    @Test
    void usesAConfiguredValueOrADevelopmentDefaultOutsideProd() {
        byte[] configured = new byte[32];
        configured[0] = 7;
        assertThat(ServerSecrets.resolve(NAME, VARIABLE, Optional.of(Base64.getEncoder().encodeToString(configured)), true))
                .isEqualTo(configured);
        assertThat(ServerSecrets.resolve(NAME, VARIABLE, Optional.empty(), false)).hasSize(32);
    }
}
