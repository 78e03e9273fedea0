package dev.mercato.testkit;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.mercato.platform.events.CredentialRevokedV1;
import dev.mercato.platform.events.CredentialRevokedV1.Kind;
import dev.mercato.platform.events.Topics;

/**
 * Revokes credentials as identity-service does: a {@link CredentialRevokedV1} on
 * {@code identity.revocations}. Each call returns once the service under test has stored the
 * revocation in {@code revoked_credential}; it adds it to its in-memory deny list before that, so
 * from then on the credential is refused.
 */
public final class TestRevocations {

    private static final Duration PROPAGATION = Duration.ofSeconds(30);

    private TestRevocations() {
    }

    /** Revokes one token by its {@code jti}. */
    public static void revokeToken(String tokenId) {
        publishAndAwait(Kind.TOKEN, tokenId, Instant.now());
    }

    /** Revokes every token that {@code clientId} obtained until {@code revokedAt}. */
    public static void revokeClient(String clientId, Instant revokedAt) {
        publishAndAwait(Kind.CLIENT, clientId, revokedAt);
    }

    /** Revokes every token issued to {@code subject} until {@code revokedAt}. */
    public static void revokeSubject(String subject, Instant revokedAt) {
        publishAndAwait(Kind.SUBJECT, subject, revokedAt);
    }

    private static void publishAndAwait(Kind kind, String value, Instant when) {
        Instant revokedAt = when.truncatedTo(ChronoUnit.MICROS); // what PostgreSQL keeps, to compare below
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("kind", kind.name());
        body.put("value", value);
        body.put("revokedAt", revokedAt.toString());
        body.put("expiresAt", revokedAt.plus(Duration.ofHours(2)).toString());
        try {
            TestKafka.send(Topics.IDENTITY_REVOCATIONS, value, new ObjectMapper().writeValueAsString(body),
                    TestKafka.cloudEventHeaders(UUID.randomUUID().toString(), CredentialRevokedV1.TYPE, value));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        await().atMost(PROPAGATION).until(() -> TestSql.number(
                "select count(*) from revoked_credential where kind = ? and value = ? and revoked_at >= ?",
                kind.name(), value, revokedAt.atOffset(ZoneOffset.UTC)) == 1);
    }
}
