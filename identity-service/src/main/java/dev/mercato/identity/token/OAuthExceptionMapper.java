package dev.mercato.identity.token;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Turns an {@link OAuthException} into its RFC 6749 answer, uncacheable like every token response. */
public class OAuthExceptionMapper {

    @ServerExceptionMapper
    public Response oauth(OAuthException e) {
        Response.ResponseBuilder response = Response.status(e.status())
                .type(MediaType.APPLICATION_JSON_TYPE)
                .entity(e.toBody())
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .header("Pragma", "no-cache");
        if (e.status() == 401) {
            response.header(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"mercato\", charset=\"UTF-8\"");
        }
        return response.build();
    }
}
