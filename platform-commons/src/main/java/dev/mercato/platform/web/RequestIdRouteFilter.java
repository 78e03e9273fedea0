package dev.mercato.platform.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.vertx.ext.web.Router;

/**
 * Accepts or generates {@code X-Request-ID} on every HTTP request — API, health, metrics — binds it to
 * the request's context and log lines, and echoes it on the response. A Vert.x route rather than a
 * JAX-RS filter, so that it runs before everything else, including the non-REST endpoints.
 */
@ApplicationScoped
public class RequestIdRouteFilter {

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).handler(routing -> {
            String requestId = RequestIds.acceptOrGenerate(routing.request().getHeader(RequestIds.HEADER));
            RequestIds.bind(requestId);
            routing.response().putHeader(RequestIds.HEADER, requestId);
            routing.next();
        });
    }
}
