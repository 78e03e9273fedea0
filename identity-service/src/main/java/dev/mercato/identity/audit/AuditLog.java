package dev.mercato.identity.audit;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.mercato.identity.organization.OrganizationService;
import dev.mercato.platform.id.Ids;
import dev.mercato.platform.security.CallerClaims;
import dev.mercato.platform.web.RequestIds;
import io.quarkus.arc.Arc;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.smallrye.mutiny.Uni;

/**
 * The audit log of identity-service: every change to a credential, key or setting, written in the
 * transaction that makes the change (so it exists exactly when the change does). The actor is the
 * current caller (the verified token's subject), or {@code system} outside a request. Detail keys
 * that name a secret are dropped, whatever the caller passes.
 */
@ApplicationScoped
public class AuditLog {

    public static final String SYSTEM = "system";

    private final AuditEventRepository events;
    private final Instance<CurrentIdentityAssociation> identity;
    private final OrganizationService organizations;
    private final ObjectMapper json;
    private final AtomicReference<String> platformPath = new AtomicReference<>();

    public AuditLog(AuditEventRepository events, Instance<CurrentIdentityAssociation> identity,
            OrganizationService organizations, ObjectMapper json) {
        this.events = events;
        this.identity = identity;
        this.organizations = organizations;
        this.json = json;
    }

    /** Records an event of the current caller, belonging to the caller's organization. Joins the current transaction. */
    public Uni<Void> record(String action, String targetType, String targetId, Map<String, Object> details) {
        return record(action, targetType, targetId, null, details);
    }

    /**
     * As {@link #record(String, String, String, Map)}, belonging to {@code ownerPath} (the target's organization
     * path, so that its organization sees it); null means the caller's organization.
     */
    public Uni<Void> record(String action, String targetType, String targetId, String ownerPath,
            Map<String, Object> details) {
        return currentCaller().chain(current -> {
            String actor = current == null ? SYSTEM : current.subject();
            String path = ownerPath != null ? ownerPath : current == null ? null : current.organizationPath();
            return recordAs(actor, path, action, targetType, targetId, details);
        });
    }

    /** Records an event of an explicit actor (e.g. a client authenticated on an OAuth endpoint). */
    public Uni<Void> recordAs(String actor, String ownerPath, String action, String targetType, String targetId,
            Map<String, Object> details) {
        String detailsJson = toJson(withoutSecrets(details));
        String requestId = RequestIds.current();
        return ownerPathOrPlatform(ownerPath).chain(path -> {
            AuditEvent event = new AuditEvent();
            event.id = Ids.next("aud");
            event.occurredAt = Instant.now();
            event.actor = actor;
            event.ownerPath = path;
            event.action = action;
            event.targetType = targetType;
            event.targetId = targetId;
            event.details = detailsJson;
            event.requestId = requestId;
            return Panache.getSession().chain(session -> session.persist(event));
        });
    }

    private Uni<String> ownerPathOrPlatform(String ownerPath) {
        if (ownerPath != null) {
            return Uni.createFrom().item(ownerPath);
        }
        String known = platformPath.get();
        if (known != null) {
            return Uni.createFrom().item(known);
        }
        return organizations.ensurePlatform().map(platform -> {
            platformPath.set(platform.path);
            return platform.path;
        });
    }

    // Resolved without blocking: outside a request (start-up, consumers) or for an anonymous one, null.
    private Uni<CallerClaims> currentCaller() {
        if (!Arc.container().requestContext().isActive() || !identity.isResolvable()) {
            return Uni.createFrom().nullItem();
        }
        return identity.get().getDeferredIdentity()
                .map(current -> current.isAnonymous() ? null : current.<CallerClaims>getAttribute(CallerClaims.ATTRIBUTE))
                .onFailure().recoverWithNull();
    }

    /** Drops any detail whose key names a secret; the log must never hold one. */
    static Map<String, Object> withoutSecrets(Map<String, Object> details) {
        Map<String, Object> safe = new LinkedHashMap<>();
        if (details != null) {
            details.forEach((key, value) -> {
                String name = key.toLowerCase(Locale.ROOT).replace("_", "").replace("-", "");
                boolean secret = name.contains("secret") || name.contains("password") || name.equals("apikey")
                        || name.equals("key") || name.endsWith("token") && !name.endsWith("tokentype");
                if (!secret) {
                    safe.put(key, value);
                }
            });
        }
        return safe;
    }

    private String toJson(Map<String, Object> details) {
        try {
            return json.writeValueAsString(details);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("audit details must be JSON-serialisable", e);
        }
    }
}
