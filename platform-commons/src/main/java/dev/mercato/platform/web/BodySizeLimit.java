package dev.mercato.platform.web;

import java.util.List;
import java.util.Optional;

import jakarta.inject.Singleton;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import dev.mercato.platform.api.ApiError;
import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * Answers a request whose declared {@code Content-Length} exceeds {@code quarkus.http.limits.max-body-size}
 * with 413 in the error shape, before Quarkus's own check (which answers with an empty body). A body
 * sent in chunks is still cut off by Quarkus at the same limit.
 */
@Singleton
public class BodySizeLimit {

    private final long limit;
    private final RouteErrors errors;

    public BodySizeLimit(@ConfigProperty(name = "quarkus.http.limits.max-body-size") Optional<MemorySize> limit,
            RouteErrors errors) {
        this.limit = limit.map(MemorySize::asLongValue).orElse(Long.MAX_VALUE);
        this.errors = errors;
    }

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE + 2).handler(this::check);
    }

    void check(RoutingContext routing) {
        String length = routing.request().getHeader("Content-Length");
        if (length != null && exceeds(length)) {
            errors.answer(routing, new ApiError(413, "Request body is larger than " + limit + " bytes", List.of()), true);
        } else {
            routing.next();
        }
    }

    private boolean exceeds(String length) {
        try {
            return Long.parseLong(length.trim()) > limit;
        } catch (NumberFormatException e) {
            return false; // the HTTP codec refuses a malformed length itself
        }
    }
}
