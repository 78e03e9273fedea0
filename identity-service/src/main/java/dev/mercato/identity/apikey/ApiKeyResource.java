package dev.mercato.identity.apikey;

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
 * API keys: created by an admin, shown once, exchanged for tokens at {@code POST /api/v1/auth}. The answer
 * holding a key is never stored for {@code Idempotency-Key} replay (that would keep the key). A thin adapter
 * over {@link CredentialService}, which serves OAuth applications the same way.
 */
@Path("/api/v1/api-keys")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "API keys")
public class ApiKeyResource {

    static final QueryFields FIELDS = QueryFields.builder()
            .string("id", "id")
            .string("name", "name")
            .string("organizationId", "organizationId")
            .enumeration("status", "status", CredentialStatus.class)
            .enumeration("role", "role", Role.class)
            .string("createdBy", "createdBy")
            .instant("createdAt", "createdAt")
            .instant("lastUsedAt", "lastUsedAt")
            .defaultSort("-createdAt")
            .tieBreaker("id")
            .build();

    private static final CredentialKind KIND = CredentialKind.API_KEY;

    private final CredentialService service;
    private final CredentialRepository keys;
    private final Caller caller;

    public ApiKeyResource(CredentialService service, CredentialRepository keys, Caller caller) {
        this.service = service;
        this.keys = keys;
        this.caller = caller;
    }

    @POST
    @PermissionsAllowed(Scopes.WRITE_APPLICATIONS)
    @Operation(summary = "Create an API key; the answer holds the key, shown this once")
    public Uni<Response> create(@Valid @NotNull CreateApiKeyRequest request) {
        NewCredential wanted = new NewCredential(request.name(), null, request.scopes(), request.role());
        return service.create(KIND, wanted, caller).map(created -> Response.status(201)
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .entity(ApiResponse.created(ApiKeyResponse.withKey(created.credential(), created.secret())))
                .build());
    }

    @GET
    @WithSession
    @PermissionsAllowed(Scopes.READ_APPLICATIONS)
    @Operation(summary = "List the API keys of the caller's organization and below")
    public Uni<PageResponse<ApiKeyResponse>> list(@Context UriInfo uri) {
        ListQuery query = ListQuery.parse(uri.getQueryParameters(), FIELDS, QueryContext.of(Clock.systemUTC())
                .withMe(caller.subject()));
        return Listings.page(keys, keys.visibleOfKind(KIND, caller), query, ApiKeyResponse::of);
    }

    @GET
    @Path("/{id}")
    @PermissionsAllowed(Scopes.READ_APPLICATIONS)
    public Uni<ApiResponse<ApiKeyResponse>> get(@PathParam("id") String id) {
        return service.visible(KIND, id, caller).map(key -> ApiResponse.ok(ApiKeyResponse.of(key)));
    }

    @PATCH
    @Path("/{id}")
    @PermissionsAllowed(Scopes.WRITE_APPLICATIONS)
    @Operation(summary = "Rename the key; the platform operator also rate limits")
    public Uni<ApiResponse<ApiKeyResponse>> update(@PathParam("id") String id, @Valid @NotNull UpdateApiKeyRequest request) {
        CredentialChanges changes = new CredentialChanges(request.name(), null, null, request.rateLimitPerHour(),
                request.rateLimitPerMinute());
        return service.update(KIND, id, changes, caller).map(key -> ApiResponse.ok(ApiKeyResponse.of(key)));
    }

    @POST
    @Path("/{id}/revoke")
    @Consumes(MediaType.WILDCARD) // no body: any or no Content-Type
    @PermissionsAllowed(Scopes.WRITE_APPLICATIONS)
    @Operation(summary = "Revoke the key and every token obtained with it")
    public Uni<ApiResponse<ApiKeyResponse>> revoke(@PathParam("id") String id) {
        return service.revoke(KIND, id, caller).map(key -> ApiResponse.ok(ApiKeyResponse.of(key)));
    }
}
