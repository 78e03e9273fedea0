package dev.mercato.identity.token;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.smallrye.mutiny.Uni;

/**
 * Token introspection (RFC 7662) and revocation (RFC 7009); the token endpoint itself is
 * {@link TokenEndpoint}. Form bodies in, RFC-shaped JSON out, never cached.
 */
@Path("/oauth")
@PermitAll
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "OAuth 2.0")
public class OAuthResource {

    private final ClientAuthenticator clients;
    private final TokenIntrospection introspection;
    private final TokenRevocation revocation;

    public OAuthResource(ClientAuthenticator clients, TokenIntrospection introspection, TokenRevocation revocation) {
        this.clients = clients;
        this.introspection = introspection;
        this.revocation = revocation;
    }

    @POST
    @Path("/introspect")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(summary = "Introspect a token (RFC 7662); needs client authentication")
    public Uni<Response> introspect(String body,
            @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        OAuthForm form = OAuthForm.parse(body);
        ClientCredentials credentials = requireCredentials(authorization, form);
        String token = form.required("token");
        return authenticate(credentials)
                .chain(client -> introspection.introspect(token, client))
                .map(answer -> noStore(Response.ok(answer)));
    }

    @POST
    @Path("/revoke")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(summary = "Revoke an access or refresh token (RFC 7009); answers 200 even for unknown tokens")
    public Uni<Response> revoke(String body,
            @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        OAuthForm form = OAuthForm.parse(body);
        ClientCredentials credentials = ClientCredentials.from(authorization, form.optional("client_id"),
                form.optional("client_secret"));
        String token = form.required("token");
        Uni<AuthenticatedClient> client = credentials == null ? Uni.createFrom().nullItem() : authenticate(credentials);
        return client.chain(authenticated -> revocation.revoke(token, authenticated))
                .map(ignored -> noStore(Response.ok()));
    }

    // Anything but a form body gets an RFC 6749 error rather than a 415 in the API error shape.
    @POST
    @Path("/introspect")
    @Consumes(MediaType.WILDCARD)
    public Response introspectWithoutForm() {
        throw notAForm();
    }

    @POST
    @Path("/revoke")
    @Consumes(MediaType.WILDCARD)
    public Response revokeWithoutForm() {
        throw notAForm();
    }

    private static OAuthException notAForm() {
        return OAuthException.invalidRequest("the body must be application/x-www-form-urlencoded");
    }

    private Uni<AuthenticatedClient> authenticate(ClientCredentials credentials) {
        return clients.authenticate(credentials.clientId(), credentials.clientSecret());
    }

    private static ClientCredentials requireCredentials(String authorization, OAuthForm form) {
        ClientCredentials credentials = ClientCredentials.from(authorization, form.optional("client_id"),
                form.optional("client_secret"));
        if (credentials == null) {
            throw OAuthException.invalidClient("client authentication is required");
        }
        return credentials;
    }

    private static Response noStore(Response.ResponseBuilder response) {
        return response.header(HttpHeaders.CACHE_CONTROL, "no-store").header("Pragma", "no-cache").build();
    }
}
