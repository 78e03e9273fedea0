package dev.mercato.identity.credential;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import dev.mercato.identity.audit.AuditLog;
import dev.mercato.identity.key.SecretHasher;
import dev.mercato.identity.token.AccessTokenIssuer;
import dev.mercato.identity.token.AuthenticatedClient;
import dev.mercato.identity.token.IssuedTokens;
import dev.mercato.identity.token.Revocations;
import dev.mercato.identity.token.TokenConfig;
import dev.mercato.platform.api.ApiException;
import dev.mercato.platform.events.CredentialRevokedV1;
import dev.mercato.platform.id.Ids;
import dev.mercato.platform.security.Caller;
import dev.mercato.platform.security.Role;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;

/**
 * Creates, changes, rotates, revokes and authenticates applications and API keys, within the caller's
 * organization subtree: one service for both kinds, which differ only in how their secret is presented.
 * Every change is audited in its transaction; a revocation or rotation is published on
 * {@code identity.revocations}, so that every service refuses the tokens it ends.
 */
@ApplicationScoped
public class CredentialService {

    private static final int SHOWN_KEY_PREFIX = CredentialKind.API_KEY.secretPrefix().length() + 4;
    private static final int MAX_PRESENTED = 200;

    private final CredentialRepository credentials;
    private final CredentialDirectory directory;
    private final SecretHasher hasher;
    private final Revocations revocations;
    private final AccessTokenIssuer issuer;
    private final AuditLog audit;
    private final CredentialConfig config;
    private final TokenConfig tokens;

    public CredentialService(CredentialRepository credentials, CredentialDirectory directory, SecretHasher hasher,
            Revocations revocations, AccessTokenIssuer issuer, AuditLog audit, CredentialConfig config,
            TokenConfig tokens) {
        this.credentials = credentials;
        this.directory = directory;
        this.hasher = hasher;
        this.revocations = revocations;
        this.issuer = issuer;
        this.audit = audit;
        this.config = config;
        this.tokens = tokens;
    }

    /** A new credential of the caller's organization; the secret is in the result and nowhere else. */
    public Uni<WithSecret> create(CredentialKind kind, NewCredential request, Caller caller) {
        caller.requireWriter();
        CredentialGrants.Grant grant = CredentialGrants.decide(caller.role(), request.role(), request.scopes());
        Instant now = Instant.now();
        String secret = hasher.newSecret(kind.secretPrefix());
        Credential credential = new Credential();
        credential.id = Ids.next(kind.idPrefix());
        credential.kind = kind;
        credential.name = request.name().strip();
        credential.description = request.description();
        credential.keyPrefix = kind == CredentialKind.API_KEY ? secret.substring(0, SHOWN_KEY_PREFIX) : null;
        credential.scopes = String.join(" ", grant.scopes());
        credential.role = grant.role();
        credential.organizationId = caller.organizationId();
        credential.organizationKind = caller.organizationKind();
        credential.ownerPath = caller.organizationPath();
        credential.status = CredentialStatus.ACTIVE;
        credential.secretHash = hasher.hash(secret);
        credential.secretRotatedAt = now;
        credential.createdBy = caller.subject();
        credential.createdAt = now;
        credential.updatedAt = now;
        return Panache.withTransaction(() -> credentials.persist(credential)
                .call(saved -> audit.record(kind.auditName() + ".created", kind.auditName(), saved.id, saved.ownerPath,
                        Map.of("name", saved.name, "scopes", saved.scopes, "role", saved.role.name())))
                .map(saved -> new WithSecret(saved, secret)));
    }

    /** The credential, when it is of {@code kind} and the caller may see it; 404 otherwise. */
    @WithSession
    public Uni<Credential> visible(CredentialKind kind, String id, Caller caller) {
        return credentials.findById(id)
                .map(found -> found != null && found.kind == kind && caller.canSee(found.ownerPath) ? found : null)
                .onItem().ifNull().failWith(() -> ApiException.notFound(notFoundName(kind), id));
    }

    /**
     * Changes name, description, scopes or rate limits. New values apply to tokens issued from then on. Rate
     * limits are the platform operator's to set: anyone else gets 403.
     */
    public Uni<Credential> update(CredentialKind kind, String id, CredentialChanges request, Caller caller) {
        caller.requireWriter();
        boolean limits = request.rateLimitPerHour() != null || request.rateLimitPerMinute() != null;
        if (limits && caller.role() != Role.PLATFORM_ADMIN) {
            throw ApiException.forbidden("Only the platform operator may set rate limits");
        }
        return Panache.withTransaction(() -> active(kind, id, caller).chain(credential -> {
            Map<String, Object> changed = new LinkedHashMap<>();
            if (request.name() != null) {
                credential.name = request.name().strip();
                changed.put("name", credential.name);
            }
            if (request.description() != null) {
                credential.description = request.description();
                changed.put("description", credential.description);
            }
            if (request.scopes() != null) {
                Set<String> scopes = CredentialGrants.scopesFor(caller.role(), credential.role, request.scopes());
                credential.scopes = String.join(" ", scopes);
                changed.put("scopes", credential.scopes);
            }
            if (request.rateLimitPerHour() != null) {
                credential.rateLimitPerHour = request.rateLimitPerHour();
                changed.put("rateLimitPerHour", credential.rateLimitPerHour);
            }
            if (request.rateLimitPerMinute() != null) {
                credential.rateLimitPerMinute = request.rateLimitPerMinute();
                changed.put("rateLimitPerMinute", credential.rateLimitPerMinute);
            }
            credential.updatedAt = Instant.now();
            return audit.record(kind.auditName() + ".updated", kind.auditName(), credential.id, credential.ownerPath,
                    changed).replaceWith(credential);
        })).invoke(() -> directory.evict(id));
    }

    /**
     * A new secret. The previous one keeps working for {@code mercato.identity.applications.secret-rotation-overlap}
     * (default none); when that ends, every token issued before the rotation is revoked everywhere (at once
     * without an overlap, else by {@link RotationSweep}), and tokens obtained with the previous secret during
     * the overlap expire with it.
     */
    public Uni<WithSecret> rotateSecret(CredentialKind kind, String id, Caller caller) {
        caller.requireWriter();
        return Panache.withTransaction(() -> active(kind, id, caller).chain(credential -> {
            Instant now = Instant.now();
            String secret = hasher.newSecret(kind.secretPrefix());
            Duration overlap = config.secretRotationOverlap();
            boolean overlapping = !overlap.isZero() && !overlap.isNegative();
            credential.previousSecretHash = overlapping ? credential.secretHash : null;
            credential.previousSecretExpiresAt = overlapping ? now.plus(overlap) : null;
            credential.secretHash = hasher.hash(secret);
            if (kind == CredentialKind.API_KEY) {
                credential.keyPrefix = secret.substring(0, SHOWN_KEY_PREFIX);
            }
            credential.secretRotatedAt = now;
            credential.updatedAt = now;
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("previousSecretValidUntil",
                    overlapping ? credential.previousSecretExpiresAt.toString() : "revoked at once");
            Uni<Void> endOldTokens = overlapping ? Uni.createFrom().voidItem() : revokeTokensBefore(credential, now);
            return endOldTokens
                    .call(() -> audit.record(kind.auditName() + ".secret_rotated", kind.auditName(), credential.id,
                            credential.ownerPath, details))
                    .replaceWith(new WithSecret(credential, secret));
        })).invoke(() -> directory.evict(id));
    }

    /**
     * Within the caller's transaction: every token of {@code credential} issued before {@code rotatedAt} is
     * refused from now on, here and in every service.
     */
    Uni<Void> revokeTokensBefore(Credential credential, Instant rotatedAt) {
        return revocations.publish(CredentialRevokedV1.Kind.CLIENT, credential.id, rotatedAt,
                rotatedAt.plus(tokens.accessTokenLifetime()));
    }

    /** Revokes the credential for good: no new tokens, and every token it holds is refused everywhere. */
    public Uni<Credential> revoke(CredentialKind kind, String id, Caller caller) {
        caller.requireWriter();
        return Panache.withTransaction(() -> visible(kind, id, caller).chain(credential ->
                credential.status == CredentialStatus.REVOKED ? Uni.createFrom().item(credential) : revokeNow(credential)))
                .invoke(() -> directory.evict(id));
    }

    private Uni<Credential> revokeNow(Credential credential) {
        Instant now = Instant.now();
        credential.status = CredentialStatus.REVOKED;
        credential.revokedAt = now;
        credential.updatedAt = now;
        credential.previousSecretHash = null;
        credential.previousSecretExpiresAt = null;
        String name = credential.kind.auditName();
        return revocations.publish(CredentialRevokedV1.Kind.CLIENT, credential.id, now.plus(tokens.accessTokenLifetime()))
                .call(() -> audit.record(name + ".revoked", name, credential.id, credential.ownerPath, Map.of()))
                .replaceWith(credential);
    }

    /**
     * Tokens (access and refresh) for an API key; null when the key is unknown, revoked or its organization
     * is suspended. Writes nothing to the key but its last-used time, so parallel workers may share it.
     */
    public Uni<IssuedTokens> exchangeApiKey(String presented) {
        if (presented == null || !presented.startsWith(CredentialKind.API_KEY.secretPrefix())
                || presented.length() > MAX_PRESENTED) {
            return Uni.createFrom().nullItem();
        }
        return directory.authenticateKey(presented).chain((AuthenticatedClient key) -> key == null
                ? Uni.createFrom().nullItem()
                : issuer.issue(key.subject(), key.scopes(), true, "api_key"));
    }

    private Uni<Credential> active(CredentialKind kind, String id, Caller caller) {
        return visible(kind, id, caller).invoke(credential -> {
            if (credential.status != CredentialStatus.ACTIVE) {
                throw ApiException.conflict(notFoundName(kind) + " '" + id + "' is revoked");
            }
        });
    }

    private static String notFoundName(CredentialKind kind) {
        return kind == CredentialKind.APPLICATION ? "application" : "API key";
    }

    /** A credential with the secret just made for it. */
    public record WithSecret(Credential credential, String secret) {
    }
}
