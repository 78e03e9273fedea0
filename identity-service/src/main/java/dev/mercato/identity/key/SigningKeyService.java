package dev.mercato.identity.key;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import dev.mercato.identity.audit.AuditLog;
import dev.mercato.platform.api.ApiException;
import dev.mercato.platform.security.Caller;
import dev.mercato.platform.security.Role;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

/**
 * Key rotation: a new key, published at once and signing only after
 * {@code mercato.identity.tokens.key-publication-lead}, so that every verifier (other identity
 * instances, every service's cached JWKS) knows it before it meets a token signed with it; the previous
 * key signs until then and stays published until every token it signed has expired.
 */
@ApplicationScoped
public class SigningKeyService {

    // Verifiers allow some clock skew; keep the old key a little longer than the last token it signed.
    private static final Duration CLOCK_SKEW = Duration.ofMinutes(5);

    private final SigningKeyStore store;
    private final AuditLog audit;
    private final KeyTimings tokens;

    public SigningKeyService(SigningKeyStore store, AuditLog audit, KeyTimings tokens) {
        this.store = store;
        this.audit = audit;
        this.tokens = tokens;
    }

    /** Rotates the keys (platform administrators only); returns the new key's id and when it starts signing. */
    @WithTransaction
    public Uni<Rotation> rotate(Caller caller) {
        if (caller.role() != Role.PLATFORM_ADMIN) {
            throw ApiException.forbidden("Only the platform operator rotates signing keys");
        }
        Instant activatesAt = Instant.now().plus(tokens.keyPublicationLead());
        Instant retiredUntil = activatesAt.plus(tokens.accessTokenLifetime()).plus(CLOCK_SKEW);
        return Panache.getSession()
                .chain(session -> store.rotate(session, activatesAt, retiredUntil))
                .call(kid -> audit.record("signing_key.rotated", "signing_key", kid, null,
                        Map.of("activatesAt", activatesAt.toString(),
                                "previousKeyPublishedUntil", retiredUntil.toString())))
                .map(kid -> new Rotation(kid, activatesAt));
    }

    /** A new key and when it starts signing. */
    public record Rotation(String kid, Instant activatesAt) {
    }
}
