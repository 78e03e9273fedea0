package dev.mercato.identity.token;

import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.mercato.identity.key.SecretHasher;
import dev.mercato.identity.token.AccessTokenVerifier.VerifiedToken;
import dev.mercato.identity.token.RefreshTokenStore.StoredRefreshToken;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/**
 * RFC 7662 answers. A token is active when it is ours, unexpired, not revoked (by jti, client or subject)
 * and belongs to the asking client's organization subtree; anything else is {@code {"active": false}},
 * so introspection reveals nothing about tokens the client may not see.
 */
@ApplicationScoped
public class TokenIntrospection {

    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
    };

    private final AccessTokenVerifier verifier;
    private final RevocationLedger ledger;
    private final RefreshTokenStore refreshTokens;
    private final SecretHasher hasher;
    private final ObjectMapper json;

    public TokenIntrospection(AccessTokenVerifier verifier, RevocationLedger ledger, RefreshTokenStore refreshTokens,
            SecretHasher hasher, ObjectMapper json) {
        this.verifier = verifier;
        this.ledger = ledger;
        this.refreshTokens = refreshTokens;
        this.hasher = hasher;
        this.json = json;
    }

    public Uni<Map<String, Object>> introspect(String token, AuthenticatedClient client) {
        if (token.startsWith(AccessTokenIssuer.REFRESH_TOKEN_PREFIX)) {
            return Panache.withSession(() -> refreshTokens.find(hasher.hash(token)))
                    .map(stored -> refreshAnswer(stored, client));
        }
        VerifiedToken verified = verifier.verify(token).orElse(null);
        if (verified == null || verified.expired() || !covers(client, verified.organizationPath())) {
            return Uni.createFrom().item(inactive());
        }
        return ledger.revoked(verified).map(revoked -> {
            if (revoked) {
                return inactive();
            }
            Map<String, Object> answer = new LinkedHashMap<>();
            answer.put("active", true);
            answer.put("token_type", "Bearer");
            answer.putAll(json.convertValue(verified.claims(), MAP));
            return answer;
        });
    }

    private static Map<String, Object> refreshAnswer(StoredRefreshToken stored, AuthenticatedClient client) {
        if (stored == null || stored.spent() || stored.dead() || !covers(client, stored.subject().organizationPath())) {
            return inactive();
        }
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("active", true);
        answer.put("token_type", "refresh_token");
        answer.put("scope", stored.scope());
        answer.put("client_id", stored.subject().clientId());
        answer.put("sub", stored.subject().subject());
        answer.put("org", stored.subject().organizationId());
        answer.put("org_kind", stored.subject().organizationKind());
        answer.put("org_path", stored.subject().organizationPath());
        answer.put("role", stored.subject().role().name());
        return answer;
    }

    /** Whether {@code path} is the client's organization or below it. */
    static boolean covers(AuthenticatedClient client, String path) {
        String own = client.subject().organizationPath();
        return path.equals(own) || path.startsWith(own + "/");
    }

    private static Map<String, Object> inactive() {
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("active", false);
        return answer;
    }
}
