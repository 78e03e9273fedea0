package dev.mercato.identity.key;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Base64;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import io.quarkus.runtime.configuration.ConfigurationException;
import io.quarkus.runtime.util.ExceptionUtil;

class KeyEncryptionTest {

    private static final byte[] PRIVATE_KEY = "pkcs8 bytes of a signing key".getBytes();

    @Test
    void decryptsWhatItEncrypted() {
        KeyEncryption encryption = withKey(1);
        assertThat(encryption.decrypt("kid_1", encryption.encrypt("kid_1", PRIVATE_KEY))).isEqualTo(PRIVATE_KEY);
    }

    @Test
    void explainsInOneSentenceWhenTheDatabaseWasMadeWithAnotherKeyEncryptionKey() {
        String stored = withKey(1).encrypt("kid_1", PRIVATE_KEY);

        Throwable failure = org.assertj.core.api.Assertions.catchThrowable(() -> withKey(2).decrypt("kid_1", stored));

        // Quarkus prints only the message of a ConfigurationException that is the root cause: no stack trace.
        assertThat(failure).isInstanceOf(ConfigurationException.class).hasNoCause();
        assertThat(ExceptionUtil.getRootCause(new RuntimeException(failure))).isSameAs(failure);
        assertThat(failure.getMessage())
                .contains("another key-encryption key", "MERCATO_IDENTITY_KEY_ENCRYPTION_KEY", "./mercato reset")
                .doesNotContain("\n");
    }

    @Test
    void refusesACiphertextMovedToAnotherKeyId() {
        KeyEncryption encryption = withKey(1);
        String stored = encryption.encrypt("kid_1", PRIVATE_KEY);
        assertThatThrownBy(() -> encryption.decrypt("kid_2", stored)).isInstanceOf(ConfigurationException.class);
    }

    private static KeyEncryption withKey(int seed) {
        byte[] key = new byte[32];
        key[0] = (byte) seed;
        String base64 = Base64.getEncoder().encodeToString(key);
        return new KeyEncryption(new ServerSecrets(Optional.of(base64), Optional.of(base64)));
    }
}
