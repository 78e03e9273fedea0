package dev.mercato.platform.security;

import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import io.quarkus.security.AuthenticationFailedException;

/**
 * Refuses with 401 (like any other unverifiable token) a bearer token made only of dots, which
 * quarkus-oidc cannot split and would otherwise fail on with an unexpected error. Runs before the rate
 * limiter, whose client lookup is the first to verify the token.
 */
public class MalformedBearerTokens {

    private static final String BEARER = "bearer ";

    @ServerRequestFilter(preMatching = true, priority = Priorities.AUTHENTICATION)
    public void refuse(ContainerRequestContext request) {
        String authorization = request.getHeaderString("Authorization");
        if (authorization != null && authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())
                && isOnlyDots(authorization.substring(BEARER.length()).strip())) {
            throw new AuthenticationFailedException("bearer token without content");
        }
    }

    private static boolean isOnlyDots(String token) {
        return !token.isEmpty() && token.chars().allMatch(c -> c == '.');
    }
}
