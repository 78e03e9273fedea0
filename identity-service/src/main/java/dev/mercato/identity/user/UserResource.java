package dev.mercato.identity.user;

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

import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import dev.mercato.platform.api.ApiException;
import dev.mercato.platform.api.ApiResponse;
import dev.mercato.platform.api.PageResponse;
import dev.mercato.platform.idempotency.IdempotentRequests;
import dev.mercato.platform.persistence.Listings;
import dev.mercato.platform.query.ListQuery;
import dev.mercato.platform.query.QueryContext;
import dev.mercato.platform.query.QueryFields;
import dev.mercato.platform.security.Caller;
import dev.mercato.platform.security.Role;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.security.PermissionsAllowed;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

/** Users: the people of an organization and its subtree, with their role and status. */
@Path("/api/v1/users")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Users")
public class UserResource {

    static final QueryFields FIELDS = QueryFields.builder()
            .string("id", "id")
            .string("email", "email")
            .string("name", "name")
            .enumeration("status", "status", UserStatus.class)
            .string("organizationId", "organizationId")
            .enumeration("role", "role", Role.class)
            .instant("createdAt", "createdAt")
            .instant("updatedAt", "updatedAt")
            .defaultSort("-createdAt")
            .tieBreaker("id")
            .build();

    private final UserService service;
    private final UserRepository users;
    private final IdempotentRequests idempotency;
    private final Caller caller;

    public UserResource(UserService service, UserRepository users, IdempotentRequests idempotency, Caller caller) {
        this.service = service;
        this.users = users;
        this.idempotency = idempotency;
        this.caller = caller;
    }

    @POST
    @PermissionsAllowed("write:users")
    public Uni<Response> create(@Valid @NotNull CreateUserRequest request, @Context HttpHeaders headers) {
        // The stored request hash must not become a fast hash of the password: compare bodies without it.
        CreateUserRequest withoutPassword = new CreateUserRequest(request.email(), request.name(),
                request.organizationId(), request.role(), null);
        // Hashed before the idempotency transaction opens: PBKDF2 must not hold a pooled connection.
        return service.passwordHashFor(request).chain(hash -> idempotency.once(headers,
                "POST /api/v1/users " + caller.subject(), withoutPassword,
                () -> service.create(request, hash)
                        .map(user -> Response.status(201).entity(ApiResponse.created(toResponse(user))).build())));
    }

    @GET
    @WithSession
    @PermissionsAllowed("read:users")
    public Uni<PageResponse<UserResponse>> list(@Context UriInfo uri) {
        ListQuery query = ListQuery.parse(uri.getQueryParameters(), FIELDS, QueryContext.of(Clock.systemUTC()));
        return Listings.page(users, caller.visibility("ownerPath"), query, UserResource::toResponse);
    }

    @GET
    @Path("/-dump")
    @PermissionsAllowed("read:users")
    public Multi<UserResponse> dump() {
        return Listings.dump(users, caller.visibility("ownerPath"), "id", user -> user.id, UserResource::toResponse);
    }

    @GET
    @Path("/{id}")
    @WithSession
    @PermissionsAllowed("read:users")
    public Uni<ApiResponse<UserResponse>> get(@PathParam("id") String id) {
        return users.findVisible(id, caller.visibility("ownerPath"))
                .onItem().ifNull().failWith(() -> ApiException.notFound("user", id))
                .map(user -> ApiResponse.ok(toResponse(user)));
    }

    @PATCH
    @Path("/{id}")
    @PermissionsAllowed("write:users")
    public Uni<ApiResponse<UserResponse>> update(@PathParam("id") String id,
            @Valid @NotNull UpdateUserRequest request) {
        return service.update(id, request).map(user -> ApiResponse.ok(toResponse(user)));
    }

    public static UserResponse toResponse(User user) {
        return new UserResponse(user.id, user.email, user.name, user.status.name(), user.organizationId,
                user.role.name(), user.createdAt, user.updatedAt);
    }
}
