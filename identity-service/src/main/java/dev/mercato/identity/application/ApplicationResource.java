package dev.mercato.identity.application;

import java.time.Clock;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import dev.mercato.identity.credential.CredentialChanges;
import dev.mercato.identity.credential.CredentialKind;
import dev.mercato.identity.credential.CredentialRepository;
import dev.mercato.identity.credential.CredentialService;
import dev.mercato.identity.credential.CredentialStatus;
import dev.mercato.identity.credential.NewCredential;
import dev.mercato.platform.api.ApiResponse;
import dev.mercato.platform.api.PageResponse;
import dev.mercato.platform.persistence.Listings;
import dev.mercato.platform.query.ListQuery;
import dev.mercato.platform.query.QueryContext;
import dev.mercato.platform.query.QueryFields;
import dev.mercato.platform.security.Caller;
import dev.mercato.platform.security.Role;
import dev.mercato.platform.security.Scopes;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.security.PermissionsAllowed;
import io.smallrye.mutiny.Uni;

/**
 * OAuth applications: the client id and secret a machine client exchanges for tokens at {@code /oauth/token}.
 * The secret is shown once, on create and on rotation. Secret-bearing answers are never stored for
 * {@code Idempotency-Key} replay (that would keep the secret). A thin adapter over {@link CredentialService},
 * which serves API keys the same way.
 */
@Path("/api/v1/applications")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Applications")
public class ApplicationResource {

    static final QueryFields FIELDS = QueryFields.builder()
            .string("clientId", "id")
            .string("name", "name")
            .string("organizationId", "organizationId")
            .enumeration("status", "status", CredentialStatus.class)
            .enumeration("role", "role", Role.class)
            .string("createdBy", "createdBy")
            .instant("createdAt", "createdAt")
            .instant("updatedAt", "updatedAt")
            .defaultSort("-createdAt")
            .tieBreaker("id")
            .build();

    private static final CredentialKind KIND = CredentialKind.APPLICATION;

    private final CredentialService service;
    private final CredentialRepository credentials;
    private final Caller caller;

    public ApplicationResource(CredentialService service, CredentialRepository credentials, Caller caller) {
        this.service = service;
        this.credentials = credentials;
        this.caller = caller;
    }

    @POST
    @PermissionsAllowed(Scopes.WRITE_APPLICATIONS)
    @Operation(summary = "Create an application; the answer holds its client secret, shown this once")
    public Uni<Response> create(@Valid @NotNull CreateApplicationRequest request) {
        NewCredential wanted = new NewCredential(request.name(), request.description(), request.scopes(), request.role());
        return service.create(KIND, wanted, caller).map(created -> Response.status(201)
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .entity(ApiResponse.created(ApplicationResponse.withSecret(created.credential(), created.secret())))
                .build());
    }

    @GET
    @WithSession
    @PermissionsAllowed(Scopes.READ_APPLICATIONS)
    @Operation(summary = "List the applications of the caller's organization and below")
    public Uni<PageResponse<ApplicationResponse>> list(@Context UriInfo uri) {
        ListQuery query = ListQuery.parse(uri.getQueryParameters(), FIELDS, QueryContext.of(Clock.systemUTC())
                .withMe(caller.subject()));
        return Listings.page(credentials, credentials.visibleOfKind(KIND, caller), query, ApplicationResponse::of);
    }

    @GET
    @Path("/{clientId}")
    @PermissionsAllowed(Scopes.READ_APPLICATIONS)
    public Uni<ApiResponse<ApplicationResponse>> get(@PathParam("clientId") String clientId) {
        return service.visible(KIND, clientId, caller).map(app -> ApiResponse.ok(ApplicationResponse.of(app)));
    }

    @PATCH
    @Path("/{clientId}")
    @PermissionsAllowed(Scopes.WRITE_APPLICATIONS)
    @Operation(summary = "Change name, description or scopes; the platform operator also rate limits")
    public Uni<ApiResponse<ApplicationResponse>> update(@PathParam("clientId") String clientId,
            @Valid @NotNull UpdateApplicationRequest request) {
        CredentialChanges changes = new CredentialChanges(request.name(), request.description(), request.scopes(),
                request.rateLimitPerHour(), request.rateLimitPerMinute());
        return service.update(KIND, clientId, changes, caller).map(app -> ApiResponse.ok(ApplicationResponse.of(app)));
    }

    @POST
    @Path("/{clientId}/rotate-secret")
    @Consumes(MediaType.WILDCARD) // no body: any or no Content-Type
    @PermissionsAllowed(Scopes.WRITE_APPLICATIONS)
    @Operation(summary = "Make a new client secret, shown this once")
    public Uni<Response> rotateSecret(@PathParam("clientId") String clientId) {
        return service.rotateSecret(KIND, clientId, caller)
                .map(rotated -> Response.ok(ApiResponse.ok(ApplicationResponse.withSecret(rotated.credential(),
                        rotated.secret()))).header(HttpHeaders.CACHE_CONTROL, "no-store").build());
    }

    @POST
    @Path("/{clientId}/revoke")
    @Consumes(MediaType.WILDCARD) // no body: any or no Content-Type
    @PermissionsAllowed(Scopes.WRITE_APPLICATIONS)
    @Operation(summary = "Revoke the application and every token it holds")
    public Uni<ApiResponse<ApplicationResponse>> revoke(@PathParam("clientId") String clientId) {
        return service.revoke(KIND, clientId, caller).map(app -> ApiResponse.ok(ApplicationResponse.of(app)));
    }
}
