package dev.mercato.identity.role;

import java.util.Arrays;
import java.util.List;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import dev.mercato.identity.organization.OrganizationKind;
import dev.mercato.platform.api.ApiException;
import dev.mercato.platform.api.ApiResponse;
import dev.mercato.platform.security.Role;
import io.quarkus.security.PermissionsAllowed;

/** {@code GET /api/v1/roles}: every role, the organization kind it belongs to and the scopes it allows. */
@Path("/api/v1/roles")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Roles")
public class RoleResource {

    private static final List<String> KINDS = Arrays.stream(OrganizationKind.values()).map(Enum::name).toList();

    @GET
    @PermissionsAllowed("read:users")
    public ApiResponse<List<RoleResponse>> list(@QueryParam("organizationKind") String organizationKind) {
        if (organizationKind != null && !KINDS.contains(organizationKind)) {
            throw ApiException.invalidField("organizationKind", "must be one of " + String.join(", ", KINDS));
        }
        return ApiResponse.ok(Arrays.stream(Role.values())
                .filter(role -> organizationKind == null || role.organizationKind().equals(organizationKind))
                .map(role -> new RoleResponse(role.name(), role.organizationKind(), role.isReader(),
                        role.allowedScopes().stream().sorted().toList()))
                .toList());
    }
}
