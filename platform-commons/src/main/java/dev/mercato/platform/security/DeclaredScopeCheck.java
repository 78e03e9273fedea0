package dev.mercato.platform.security;

import jakarta.ws.rs.ForbiddenException;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ResourceInfo;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import io.quarkus.security.identity.SecurityIdentity;

/**
 * Enforces the scopes a resource names with {@link ScopesCheckedInCode} as soon as the request is matched, before its
 * body is read or validated: a caller without the read scope ({@code GET}) or the write scope (any other method) gets
 * 403 and learns nothing of what its request would have been told (a field error, a 404). The resource's own checks
 * stay; this one only makes sure they come first. An anonymous request passes on to the authentication check (401).
 */
public class DeclaredScopeCheck {

    private static final ClassValue<ScopesCheckedInCode> DECLARED = new ClassValue<>() {
        @Override
        protected ScopesCheckedInCode computeValue(Class<?> type) {
            for (Class<?> c = type; c != null; c = c.getSuperclass()) {
                ScopesCheckedInCode declared = c.getAnnotation(ScopesCheckedInCode.class);
                if (declared != null) {
                    return declared;
                }
            }
            return null;
        }
    };

    private final SecurityIdentity identity;
    private final Caller caller;

    public DeclaredScopeCheck(SecurityIdentity identity, Caller caller) {
        this.identity = identity;
        this.caller = caller;
    }

    @ServerRequestFilter(priority = Priorities.AUTHORIZATION)
    public void requireDeclaredScope(ResourceInfo resource, ContainerRequestContext request) {
        Class<?> type = resource.getResourceClass();
        ScopesCheckedInCode declared = type == null ? null : DECLARED.get(type);
        if (declared == null || identity.isAnonymous()) {
            return;
        }
        boolean read = "GET".equals(request.getMethod()) || "HEAD".equals(request.getMethod());
        if (!caller.hasScope(read ? declared.read() : declared.write())) {
            throw new ForbiddenException();
        }
    }
}
