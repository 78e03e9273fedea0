package dev.mercato.identity.login;

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

import io.smallrye.mutiny.Uni;

/** {@code POST /api/v1/auth/login}: email and password → access and refresh token. */
@Path("/api/v1/auth/login")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Authentication")
public class LoginResource {

    private final LoginService service;

    public LoginResource(LoginService service) {
        this.service = service;
    }

    @POST
    @PermitAll
    public Uni<Response> login(@Valid @NotNull LoginRequest request) {
        return service.login(request)
                .map(TokenResponses::ok)
                .onFailure(LoginThrottledException.class).recoverWithItem(TokenResponses::throttled);
    }
}
