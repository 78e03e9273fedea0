package dev.mercato.platform.security.token;

import java.util.List;
import java.util.Set;

import jakarta.inject.Singleton;

import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;

/**
 * Answers a {@link VerifiedTokenRequest}: a bearer token {@link CachedBearerMechanism} found verified in the
 * {@link VerifiedTokenCache}, which becomes the identity it was verified as, for this request. A token not seen,
 * forgotten or expired never reaches it: quarkus-oidc's mechanism and provider verify it as before (discovery, JWKS
 * rotation and every refusal stay quarkus-oidc's). The identity then still passes every
 * {@code SecurityIdentityAugmentor}, so the revocation deny list is consulted on every request.
 */
@Singleton
public class CachedTokenIdentityProvider implements IdentityProvider<VerifiedTokenRequest> {

    // Attributes quarkus-oidc puts on an identity that belong to the request it was built in.
    private static final String ROUTING_CONTEXT = RoutingContext.class.getName();
    private static final String BLOCKING_API = AuthenticationRequestContext.class.getName();
    /** The identity's permissions, checked by {@link GrantedPermissions} (the identity's only permission checker). */
    private static final String GRANTED = GrantedPermissions.class.getName();

    @Override
    public Class<VerifiedTokenRequest> getRequestType() {
        return VerifiedTokenRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(VerifiedTokenRequest request, AuthenticationRequestContext context) {
        return Uni.createFrom().item(forRequest(request.verified(), HttpSecurityUtils.getRoutingContextAttribute(request)));
    }

    /**
     * A verified {@code identity} without what belongs to the request it was verified in, fit to be
     * cached, with {@code attribute} added and {@code permissions} (as strings) as its only permissions. They are
     * parsed once here and checked by a {@link GrantedPermissions} that every request's identity shares: building
     * a permission set per request hashed each permission through its {@code toString()}, a tenth of a cheap
     * request's CPU (docs/BENCHMARKS.md).
     */
    public static SecurityIdentity requestIndependent(SecurityIdentity identity, String attribute, Object value,
            Set<String> permissions) {
        GrantedPermissions granted = new GrantedPermissions(List.copyOf(QuarkusSecurityIdentity.builder()
                .setPrincipal(identity.getPrincipal()).addPermissionsAsString(permissions).build().getPermissions()));
        QuarkusSecurityIdentity.Builder copy = QuarkusSecurityIdentity.builder()
                .setPrincipal(identity.getPrincipal())
                .addCredentials(identity.getCredentials())
                .addRoles(identity.getRoles())
                .addPermissionChecker(granted)
                .addAttribute(GRANTED, granted);
        identity.getAttributes().forEach((name, attributeValue) -> {
            if (!name.equals(ROUTING_CONTEXT) && !name.equals(BLOCKING_API)) {
                copy.addAttribute(name, attributeValue);
            }
        });
        return copy.addAttribute(attribute, value).build();
    }

    /** The routing context a verified identity was built in; null outside HTTP. */
    public static RoutingContext routingOf(SecurityIdentity identity) {
        return identity.getAttribute(ROUTING_CONTEXT);
    }

    /** A request-independent {@code identity} for the request of {@code routing}, as quarkus-oidc would build it. */
    public static SecurityIdentity forRequest(SecurityIdentity identity, RoutingContext routing) {
        QuarkusSecurityIdentity.Builder builder = QuarkusSecurityIdentity.builder()
                .setPrincipal(identity.getPrincipal())
                .addCredentials(identity.getCredentials())
                .addRoles(identity.getRoles())
                .addAttributes(identity.getAttributes())
                .addPermissionChecker(identity.<GrantedPermissions>getAttribute(GRANTED));
        if (routing != null) {
            builder.addAttribute(ROUTING_CONTEXT, routing);
            Object blockingApi = routing.get(BLOCKING_API);
            if (blockingApi != null) {
                builder.addAttribute(BLOCKING_API, blockingApi);
            }
        }
        return builder.build();
    }
}
