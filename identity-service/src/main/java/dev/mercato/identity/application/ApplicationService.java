package dev.mercato.identity.application;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import dev.mercato.identity.audit.AuditLog;
import dev.mercato.identity.key.SecretHasher;
import dev.mercato.identity.token.Revocations;
import dev.mercato.identity.token.TokenConfig;
import dev.mercato.platform.api.ApiException;
import dev.mercato.platform.events.CredentialRevokedV1;
import dev.mercato.platform.id.Ids;
import dev.mercato.platform.security.Caller;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

/**
 * Creates, changes, rotates and revokes OAuth applications within the caller's organization subtree.
 * Every change is audited in its own transaction; a revocation is published on {@code identity.revocations}.
 */
@ApplicationScoped
public class ApplicationService {

    /** Client secrets start with this, so a leaked one is recognisable by secret scanners. */
    public static final String SECRET_PREFIX = "mcs_";

    private final ApplicationRepository applications;
    private final SecretHasher hasher;
    private final Revocations revocations;
    private final AuditLog audit;
    private final ApplicationConfig config;
    private final TokenConfig tokens;

    public ApplicationService(ApplicationRepository applications, SecretHasher hasher, Revocations revocations,
            AuditLog audit, ApplicationConfig config, TokenConfig tokens) {
        this.applications = applications;
        this.hasher = hasher;
        this.revocations = revocations;
        this.audit = audit;
        this.config = config;
        this.tokens = tokens;
    }

    /** A new application of the caller's organization; the secret is in the result and nowhere else. */
    @WithTransaction
    public Uni<WithSecret> create(CreateApplicationRequest request, Caller caller) {
        caller.requireWriter();
        CredentialGrants.Grant grant = CredentialGrants.decide(caller.role(), request.role(), request.scopes());
        Instant now = Instant.now();
        String secret = hasher.newSecret(SECRET_PREFIX);
        OAuthApplication app = new OAuthApplication();
        app.clientId = Ids.next("app");
        app.name = request.name().strip();
        app.description = request.description();
        app.scopes = String.join(" ", grant.scopes());
        app.role = grant.role();
        app.organizationId = caller.organizationId();
        app.organizationKind = caller.organizationKind();
        app.ownerPath = caller.organizationPath();
        app.status = ApplicationStatus.ACTIVE;
        app.secretHash = hasher.hash(secret);
        app.secretRotatedAt = now;
        app.createdBy = caller.subject();
        app.createdAt = now;
        app.updatedAt = now;
        return applications.persist(app)
                .call(saved -> audit.record("application.created", "application", saved.clientId, saved.ownerPath,
                        Map.of("name", saved.name, "scopes", saved.scopes, "role", saved.role.name())))
                .map(saved -> new WithSecret(saved, secret));
    }

    /** The application, when the caller may see it; 404 otherwise. */
    @WithSession
    public Uni<OAuthApplication> visible(String clientId, Caller caller) {
        return applications.findById(clientId)
                .map(app -> app != null && caller.canSee(app.ownerPath) ? app : null)
                .onItem().ifNull().failWith(() -> ApiException.notFound("application", clientId));
    }

    @WithTransaction
    public Uni<OAuthApplication> update(String clientId, UpdateApplicationRequest request, Caller caller) {
        caller.requireWriter();
        return active(clientId, caller).chain(app -> {
            Map<String, Object> changed = new LinkedHashMap<>();
            if (request.name() != null) {
                app.name = request.name().strip();
                changed.put("name", app.name);
            }
            if (request.description() != null) {
                app.description = request.description();
                changed.put("description", app.description);
            }
            if (request.scopes() != null) {
                Set<String> scopes = CredentialGrants.scopesFor(caller.role(), app.role, request.scopes());
                app.scopes = String.join(" ", scopes);
                changed.put("scopes", app.scopes);
            }
            app.updatedAt = Instant.now();
            return audit.record("application.updated", "application", app.clientId, app.ownerPath, changed)
                    .replaceWith(app);
        });
    }

    /**
     * A new secret; the previous one keeps working for {@code mercato.identity.applications.secret-rotation-overlap}
     * (default none).
     */
    @WithTransaction
    public Uni<WithSecret> rotateSecret(String clientId, Caller caller) {
        caller.requireWriter();
        return active(clientId, caller).chain(app -> {
            Instant now = Instant.now();
            String secret = hasher.newSecret(SECRET_PREFIX);
            boolean overlap = !config.secretRotationOverlap().isZero();
            app.previousSecretHash = overlap ? app.secretHash : null;
            app.previousSecretExpiresAt = overlap ? now.plus(config.secretRotationOverlap()) : null;
            app.secretHash = hasher.hash(secret);
            app.secretRotatedAt = now;
            app.updatedAt = now;
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("previousSecretValidUntil", overlap ? app.previousSecretExpiresAt.toString() : "revoked at once");
            return audit.record("application.secret_rotated", "application", app.clientId, app.ownerPath, details)
                    .replaceWith(new WithSecret(app, secret));
        });
    }

    /** Revokes the application for good: no new tokens, and every token it holds is refused everywhere. */
    @WithTransaction
    public Uni<OAuthApplication> revoke(String clientId, Caller caller) {
        caller.requireWriter();
        return visible(clientId, caller).chain(app -> app.status == ApplicationStatus.REVOKED
                ? Uni.createFrom().item(app)
                : revokeNow(app));
    }

    private Uni<OAuthApplication> revokeNow(OAuthApplication app) {
        Instant now = Instant.now();
        app.status = ApplicationStatus.REVOKED;
        app.revokedAt = now;
        app.updatedAt = now;
        app.previousSecretHash = null;
        app.previousSecretExpiresAt = null;
        return revocations.publish(CredentialRevokedV1.Kind.CLIENT, app.clientId, now.plus(tokens.accessTokenLifetime()))
                .call(() -> audit.record("application.revoked", "application", app.clientId, app.ownerPath, Map.of()))
                .replaceWith(app);
    }

    private Uni<OAuthApplication> active(String clientId, Caller caller) {
        return visible(clientId, caller).invoke(app -> {
            if (app.status != ApplicationStatus.ACTIVE) {
                throw ApiException.conflict("application '" + clientId + "' is revoked");
            }
        });
    }

    /** An application with the secret just made for it. */
    public record WithSecret(OAuthApplication application, String secret) {
    }
}
