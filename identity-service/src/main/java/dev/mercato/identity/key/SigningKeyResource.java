package dev.mercato.identity.key;

import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import dev.mercato.platform.api.ApiResponse;
import dev.mercato.platform.security.Caller;
import dev.mercato.platform.security.Scopes;
import io.quarkus.security.PermissionsAllowed;
import io.smallrye.mutiny.Uni;

/** Rotation of the token signing keys (PLATFORM_ADMIN with {@code write:settings}). */
@Path("/api/v1/signing-keys")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Signing keys")
public class SigningKeyResource {

    private final SigningKeyService service;
    private final SigningKeyStore store;
    private final SigningKeys keys;
    private final Caller caller;

    public SigningKeyResource(SigningKeyService service, SigningKeyStore store, SigningKeys keys, Caller caller) {
        this.service = service;
        this.store = store;
        this.keys = keys;
        this.caller = caller;
    }

    @POST
    @Path("/rotate")
    @PermissionsAllowed(Scopes.WRITE_SETTINGS)
    @Operation(summary = "Publish a new signing key that signs after the publication lead; the previous one "
            + "signs until then and stays published until its tokens expire")
    public Uni<ApiResponse<SigningKeyResponse>> rotate() {
        return service.rotate(caller)
                .call(keys::reload)
                .chain(rotation -> store.published().map(published -> ApiResponse.ok(new SigningKeyResponse(
                        rotation.kid(), rotation.activatesAt(), keys.active().kid(),
                        published.stream().map(key -> new SigningKeyResponse.PublishedKey(key.kid(),
                                key.activatesAt(), key.expiresAt())).toList()))));
    }
}
