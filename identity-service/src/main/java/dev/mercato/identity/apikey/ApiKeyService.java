package dev.mercato.identity.apikey;

import java.time.Instant;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import dev.mercato.identity.application.CredentialGrants;
import dev.mercato.identity.audit.AuditLog;
import dev.mercato.identity.key.SecretHasher;
import dev.mercato.identity.token.AccessTokenIssuer;
import dev.mercato.identity.token.IssuedTokens;
import dev.mercato.identity.token.Revocations;
import dev.mercato.identity.token.TokenConfig;
import dev.mercato.identity.token.TokenSubject;
import dev.mercato.platform.api.ApiException;
import dev.mercato.platform.events.CredentialRevokedV1;
import dev.mercato.platform.id.Ids;
import dev.mercato.platform.security.Caller;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

/** Creates and revokes API keys within the caller's subtree, and exchanges a key for tokens. */
@ApplicationScoped
public class ApiKeyService {

    /** Every key starts with this, so that secret scanners recognise a leaked one. */
    public static final String KEY_PREFIX = "mk_live_";
    private static final int SHOWN_PREFIX = KEY_PREFIX.length() + 4;

    private final ApiKeyRepository keys;
    private final SecretHasher hasher;
    private final AccessTokenIssuer issuer;
    private final Revocations revocations;
    private final AuditLog audit;
    private final TokenConfig tokens;

    public ApiKeyService(ApiKeyRepository keys, SecretHasher hasher, AccessTokenIssuer issuer, Revocations revocations,
            AuditLog audit, TokenConfig tokens) {
        this.keys = keys;
        this.hasher = hasher;
        this.issuer = issuer;
        this.revocations = revocations;
        this.audit = audit;
        this.tokens = tokens;
    }

    /** A new key of the caller's organization; the key itself is in the result and nowhere else. */
    @WithTransaction
    public Uni<WithKey> create(CreateApiKeyRequest request, Caller caller) {
        caller.requireWriter();
        CredentialGrants.Grant grant = CredentialGrants.decide(caller.role(), request.role(), request.scopes());
        String secret = hasher.newSecret(KEY_PREFIX);
        ApiKey key = new ApiKey();
        key.id = Ids.next("key");
        key.name = request.name().strip();
        key.keyHash = hasher.hash(secret);
        key.keyPrefix = secret.substring(0, SHOWN_PREFIX);
        key.scopes = String.join(" ", grant.scopes());
        key.role = grant.role();
        key.organizationId = caller.organizationId();
        key.organizationKind = caller.organizationKind();
        key.ownerPath = caller.organizationPath();
        key.status = ApiKeyStatus.ACTIVE;
        key.createdBy = caller.subject();
        key.createdAt = Instant.now();
        return keys.persist(key)
                .call(saved -> audit.record("api_key.created", "api_key", saved.id, saved.ownerPath,
                        Map.of("name", saved.name, "scopes", saved.scopes, "role", saved.role.name())))
                .map(saved -> new WithKey(saved, secret));
    }

    /** The key, when the caller may see it; 404 otherwise. */
    @WithSession
    public Uni<ApiKey> visible(String id, Caller caller) {
        return keys.findById(id)
                .map(key -> key != null && caller.canSee(key.ownerPath) ? key : null)
                .onItem().ifNull().failWith(() -> ApiException.notFound("API key", id));
    }

    /** Revokes the key for good, with every token and refresh token obtained with it. */
    @WithTransaction
    public Uni<ApiKey> revoke(String id, Caller caller) {
        caller.requireWriter();
        return visible(id, caller).chain(key -> {
            if (key.status == ApiKeyStatus.REVOKED) {
                return Uni.createFrom().item(key);
            }
            Instant now = Instant.now();
            key.status = ApiKeyStatus.REVOKED;
            key.revokedAt = now;
            return revocations.publish(CredentialRevokedV1.Kind.CLIENT, key.id, now.plus(tokens.accessTokenLifetime()))
                    .call(() -> audit.record("api_key.revoked", "api_key", key.id, key.ownerPath, Map.of()))
                    .replaceWith(key);
        });
    }

    /** Tokens for an active key (access and refresh); null when the key is unknown or revoked. */
    public Uni<IssuedTokens> exchange(String presented) {
        if (!presented.startsWith(KEY_PREFIX) || presented.length() > 200) {
            return Uni.createFrom().nullItem();
        }
        String hash = hasher.hash(presented);
        return Panache.withTransaction(() -> keys.findByHash(hash).invoke(key -> {
            if (key != null && key.status == ApiKeyStatus.ACTIVE) {
                key.lastUsedAt = Instant.now();
            }
        })).chain(key -> {
            if (key == null || key.status != ApiKeyStatus.ACTIVE) {
                return Uni.createFrom().nullItem();
            }
            TokenSubject subject = new TokenSubject(key.id, key.id, key.organizationId, key.organizationKind,
                    key.ownerPath, key.role);
            return issuer.issue(subject, Set.of(key.scopes.split(" ")), true, "api_key");
        });
    }

    /** A key with its secret value, just made. */
    public record WithKey(ApiKey apiKey, String key) {
    }
}
