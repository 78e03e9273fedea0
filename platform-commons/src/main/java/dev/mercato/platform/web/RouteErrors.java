package dev.mercato.platform.web;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.mercato.platform.api.ApiError;
import io.vertx.ext.web.RoutingContext;

/**
 * Answers a request from a Vert.x route, before it reaches REST and its exception mappers, in the same
 * {@link ApiError} shape.
 */
@ApplicationScoped
public class RouteErrors {

    private final ObjectMapper json;

    public RouteErrors(ObjectMapper json) {
        this.json = json;
    }

    /** Ends the exchange with {@code error}; {@code close} also closes the connection once it is sent. */
    public void answer(RoutingContext routing, ApiError error, boolean close) {
        String body;
        try {
            body = json.writeValueAsString(error);
        } catch (JsonProcessingException e) {
            body = "{\"code\":" + error.code() + ",\"message\":\"Request refused\",\"errors\":[]}";
        }
        var response = routing.response().setStatusCode(error.code()).putHeader("Content-Type", "application/json");
        if (close) {
            response.putHeader("Connection", "close");
            response.endHandler(ignored -> routing.request().connection().close());
        }
        response.end(body);
    }
}
