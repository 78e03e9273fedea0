package dev.mercato.identity.settings;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import dev.mercato.platform.api.ApiResponse;
import io.quarkus.security.PermissionsAllowed;
import io.smallrye.mutiny.Uni;

/**
 * {@code /api/v1/settings}: branding, licensing and identity settings of the caller's organization, or
 * of one below it with {@code ?organizationId=}.
 */
@Path("/api/v1/settings")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Settings")
public class SettingsResource {

    private final SettingsService service;

    public SettingsResource(SettingsService service) {
        this.service = service;
    }

    @GET
    @PermissionsAllowed("read:settings")
    public Uni<ApiResponse<SettingsResponse>> get(@QueryParam("organizationId") @Size(max = 40) String organizationId) {
        return service.get(organizationId).map(settings -> ApiResponse.ok(SettingsResponse.of(settings)));
    }

    @PUT
    @PermissionsAllowed("write:settings")
    public Uni<ApiResponse<SettingsResponse>> update(@QueryParam("organizationId") @Size(max = 40) String organizationId,
            @Valid @NotNull UpdateSettingsRequest request) {
        return service.update(organizationId, request).map(settings -> ApiResponse.ok(SettingsResponse.of(settings)));
    }
}
