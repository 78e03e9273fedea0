package dev.mercato.identity.federated;

import jakarta.annotation.security.PermitAll;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import dev.mercato.identity.login.TokenResponses;
import io.smallrye.mutiny.Uni;

/**
 * {@code POST /api/v1/auth/federated}: an ID token of Microsoft Entra, Google or another configured
 * OpenID issuer → our access and refresh token, in the shape of the password login.
 */
@Path("/api/v1/auth/federated")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Authentication")
public class FederatedLoginResource {

    private final FederatedLoginService service;

    public FederatedLoginResource(FederatedLoginService service) {
        this.service = service;
    }

    @POST
    @PermitAll
    public Uni<Response> login(@Valid @NotNull FederatedLoginRequest request) {
        return service.login(request).map(TokenResponses::ok);
    }
}
