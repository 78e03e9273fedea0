package dev.mercato.identity.role;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import dev.mercato.identity.user.UserResource;
import dev.mercato.identity.user.UserResponse;
import dev.mercato.platform.api.ApiResponse;
import io.quarkus.security.PermissionsAllowed;
import io.smallrye.mutiny.Uni;

/** {@code PUT /api/v1/users/{id}/role}: assigns or changes a user's role . */
@Path("/api/v1/users/{id}/role")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Roles")
public class UserRoleResource {

    private final RoleAssignmentService service;

    public UserRoleResource(RoleAssignmentService service) {
        this.service = service;
    }

    @PUT
    @PermissionsAllowed("write:users")
    public Uni<ApiResponse<UserResponse>> assign(@PathParam("id") String id, @Valid @NotNull AssignRoleRequest request) {
        return service.assign(id, request).map(user -> ApiResponse.ok(UserResource.toResponse(user)));
    }
}
