package dev.mercato.identity.token;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import dev.mercato.identity.key.SigningKeys;
import dev.mercato.platform.security.Scopes;

/**
 * OpenID Connect discovery and the JWK Set: what lets quarkus-oidc in every service, and any standard
 * OAuth 2.0 / OIDC client library, find the endpoints and verify tokens offline.
 */
@Path("/.well-known")
@PermitAll
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "OAuth 2.0")
public class WellKnownResource {

    private final SigningKeys keys;
    private final Map<String, Object> configuration;

    public WellKnownResource(SigningKeys keys, IssuerSettings issuer) {
        this.keys = keys;
        this.configuration = configuration(issuer);
    }

    @GET
    @Path("/jwks.json")
    @Operation(summary = "Every published signing key (JWK Set)")
    public Response jwks() {
        return Response.ok(keys.jwks()).header(HttpHeaders.CACHE_CONTROL, "public, max-age=60").build();
    }

    @GET
    @Path("/openid-configuration")
    @Operation(summary = "OpenID Connect discovery document")
    public Response openidConfiguration() {
        return Response.ok(configuration).header(HttpHeaders.CACHE_CONTROL, "public, max-age=300").build();
    }

    private static Map<String, Object> configuration(IssuerSettings issuer) {
        List<String> clientAuth = List.of("client_secret_basic", "client_secret_post");
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("issuer", issuer.issuer());
        document.put("token_endpoint", issuer.endpoint("/oauth/token"));
        document.put("jwks_uri", issuer.endpoint("/.well-known/jwks.json"));
        document.put("introspection_endpoint", issuer.endpoint("/oauth/introspect"));
        document.put("revocation_endpoint", issuer.endpoint("/oauth/revoke"));
        document.put("grant_types_supported", List.of("client_credentials", "refresh_token"));
        document.put("response_types_supported", List.of("token"));
        document.put("subject_types_supported", List.of("public"));
        document.put("token_endpoint_auth_methods_supported", clientAuth);
        document.put("introspection_endpoint_auth_methods_supported", clientAuth);
        document.put("revocation_endpoint_auth_methods_supported", clientAuth);
        document.put("id_token_signing_alg_values_supported", List.of("ES256"));
        document.put("scopes_supported", List.copyOf(new TreeSet<>(Scopes.ALL)));
        document.put("claims_supported", List.of("iss", "aud", "sub", "client_id", "org", "org_kind", "org_path", "role",
                "scope", "jti", "iat", "exp"));
        return Collections.unmodifiableMap(document);
    }
}
