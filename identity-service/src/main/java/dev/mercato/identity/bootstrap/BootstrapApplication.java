package dev.mercato.identity.bootstrap;

import java.time.Instant;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Pattern;

import jakarta.annotation.Priority;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

import org.jboss.logging.Logger;

import dev.mercato.identity.credential.Credential;
import dev.mercato.identity.credential.CredentialDirectory;
import dev.mercato.identity.credential.CredentialKind;
import dev.mercato.identity.credential.CredentialRepository;
import dev.mercato.identity.credential.CredentialStatus;
import dev.mercato.identity.audit.AuditLog;
import dev.mercato.identity.key.SecretHasher;
import dev.mercato.identity.organization.Organization;
import dev.mercato.identity.organization.OrganizationService;
import dev.mercato.platform.security.Role;
import dev.mercato.platform.security.Scopes;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Uni;

/**
 * At start-up, makes the configured bootstrap client a PLATFORM_ADMIN application of the platform
 * organization with every scope, creating it or bringing it up to date (name, scopes, role, secret), so
 * that a fresh installation has one client to create everything else with. A revoked bootstrap
 * application stays revoked: revoking it is how an operator retires it.
 */
@Singleton
public class BootstrapApplication {

    private static final Logger LOG = Logger.getLogger(BootstrapApplication.class);
    private static final Pattern CLIENT_ID = Pattern.compile("[A-Za-z0-9._-]{1,100}");
    static final String NAME = "Bootstrap platform administrator";

    private final BootstrapConfig config;
    private final OrganizationService organizations;
    private final CredentialRepository applications;
    private final SecretHasher hasher;
    private final CredentialDirectory clients;
    private final AuditLog audit;

    public BootstrapApplication(BootstrapConfig config, OrganizationService organizations,
            CredentialRepository applications, SecretHasher hasher, CredentialDirectory clients, AuditLog audit) {
        this.config = config;
        this.organizations = organizations;
        this.applications = applications;
        this.hasher = hasher;
        this.clients = clients;
        this.audit = audit;
    }

    void ensure(@Observes @Priority(200) StartupEvent event) throws Throwable {
        if (config.clientId().isEmpty() && config.clientSecret().isEmpty()) {
            LOG.info("no bootstrap client configured (MERCATO_BOOTSTRAP_CLIENT_ID / MERCATO_BOOTSTRAP_CLIENT_SECRET)");
            return;
        }
        String clientId = config.clientId().orElseThrow(() -> new IllegalStateException(
                "MERCATO_BOOTSTRAP_CLIENT_SECRET is set but MERCATO_BOOTSTRAP_CLIENT_ID is not"));
        String secret = config.clientSecret().orElseThrow(() -> new IllegalStateException(
                "MERCATO_BOOTSTRAP_CLIENT_ID is set but MERCATO_BOOTSTRAP_CLIENT_SECRET is not"));
        if (!CLIENT_ID.matcher(clientId).matches()) {
            throw new IllegalStateException("MERCATO_BOOTSTRAP_CLIENT_ID must be 1-100 letters, digits, '.', '_' or '-'");
        }
        if (secret.length() < 16) {
            throw new IllegalStateException("MERCATO_BOOTSTRAP_CLIENT_SECRET must be at least 16 characters");
        }
        String outcome = VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(
                () -> organizations.ensurePlatform().chain(platform -> upsert(clientId, secret, platform))));
        clients.evict(clientId);
        LOG.infof("bootstrap client %s: %s", clientId, outcome);
    }

    private Uni<String> upsert(String clientId, String secret, Organization platform) {
        return applications.findById(clientId).chain(existing -> {
            if (existing != null && existing.status == CredentialStatus.REVOKED) {
                return Uni.createFrom().item("revoked, left as it is");
            }
            Instant now = Instant.now();
            Credential app = existing != null ? existing : new Credential();
            boolean created = existing == null;
            boolean secretChanged = created || !hasher.matches(secret, app.secretHash);
            if (created) {
                app.id = clientId;
                app.kind = CredentialKind.APPLICATION;
                app.status = CredentialStatus.ACTIVE;
                app.createdBy = AuditLog.SYSTEM;
                app.createdAt = now;
            }
            app.name = NAME;
            app.description = "Created from MERCATO_BOOTSTRAP_CLIENT_ID at start-up";
            app.scopes = String.join(" ", new TreeSet<>(Scopes.ALL));
            app.role = Role.PLATFORM_ADMIN;
            app.organizationId = platform.id;
            app.organizationKind = platform.kind.name();
            app.ownerPath = platform.path;
            if (secretChanged) {
                app.secretHash = hasher.hash(secret);
                app.previousSecretHash = null;
                app.previousSecretExpiresAt = null;
                app.secretRotatedAt = now;
            }
            app.updatedAt = now;
            String what = created ? "created" : secretChanged ? "updated with a new secret" : "up to date";
            Uni<Credential> saved = created ? applications.persist(app) : Uni.createFrom().item(app);
            return saved.call(() -> created || secretChanged
                    ? audit.record("application.bootstrapped", "application", clientId, platform.path,
                            Map.of("outcome", what))
                    : Uni.createFrom().voidItem())
                    .replaceWith(what);
        });
    }
}
