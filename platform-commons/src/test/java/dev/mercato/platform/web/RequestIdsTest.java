package dev.mercato.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

class RequestIdsTest {

    @Test
    void aGeneratedIdIsAVersion4UuidAndNeverRepeats() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            String id = RequestIds.acceptOrGenerate(null);
            UUID uuid = UUID.fromString(id);
            assertThat(uuid.version()).isEqualTo(4);
            assertThat(uuid.variant()).isEqualTo(2);
            assertThat(id).isEqualTo(uuid.toString());
            assertThat(seen.add(id)).isTrue();
        }
    }

    @Test
    void aSafeIdIsKeptAndAnUnsafeOneReplaced() {
        assertThat(RequestIds.acceptOrGenerate("req-42.a:b")).isEqualTo("req-42.a:b");
        assertThat(RequestIds.acceptOrGenerate("bad\nid")).isNotEqualTo("bad\nid").hasSize(36);
        assertThat(RequestIds.acceptOrGenerate("x".repeat(129))).hasSize(36);
    }
}
