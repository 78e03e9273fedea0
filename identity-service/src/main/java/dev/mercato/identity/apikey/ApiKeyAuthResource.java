package dev.mercato.identity.apikey;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import dev.mercato.identity.credential.CredentialKind;
import dev.mercato.identity.credential.CredentialService;
import dev.mercato.platform.api.ApiError;
import io.smallrye.mutiny.Uni;

/**
 * {@code POST /api/v1/auth} with {@code Authorization: Basic <api-key>} → an access token, a
 * refresh token (use it at {@code /oauth/token} with {@code grant_type=refresh_token}) and {@code expires}
 * in seconds. The key may also be sent the standard way, base64 of {@code <key>:} or {@code :<key>}.
 */
@Path("/api/v1/auth")
@PermitAll
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Authentication")
public class ApiKeyAuthResource {

    private static final String KEY_PREFIX = CredentialKind.API_KEY.secretPrefix();

    private final CredentialService service;

    public ApiKeyAuthResource(CredentialService service) {
        this.service = service;
    }

    @POST
    @Operation(summary = "Exchange an API key for tokens")
    public Uni<Response> authenticate(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        String key = keyOf(authorization);
        if (key == null) {
            return Uni.createFrom().item(rejected("An API key is required: Authorization: Basic <api-key>"));
        }
        return service.exchangeApiKey(key).map(tokens -> tokens == null
                ? rejected("Invalid or revoked API key")
                : Response.ok(new ApiKeyTokensResponse(tokens.accessToken(), tokens.refreshToken(), tokens.expiresIn()))
                        .header(HttpHeaders.CACHE_CONTROL, "no-store").header("Pragma", "no-cache").build());
    }

    /** The key from {@code Basic <key>}, or from {@code Basic base64(<key>:)} / {@code base64(:<key>)}. */
    static String keyOf(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            return null;
        }
        String credential = authorization.substring(6).strip();
        if (credential.startsWith(KEY_PREFIX)) {
            return credential;
        }
        try {
            String decoded = new String(Base64.getDecoder().decode(credential), StandardCharsets.UTF_8);
            for (String part : decoded.split(":", -1)) {
                if (part.startsWith(KEY_PREFIX)) {
                    return part;
                }
            }
        } catch (IllegalArgumentException e) {
            return null;
        }
        return null;
    }

    private static Response rejected(String message) {
        return Response.status(401)
                .type(MediaType.APPLICATION_JSON_TYPE)
                .header(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"mercato\"")
                .entity(new ApiError(401, message, List.of()))
                .build();
    }
}
