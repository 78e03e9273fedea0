package dev.mercato.platform.api;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;

/**
 * The one place where failures become HTTP answers, for every service. Every answer has the
 * {@link ApiError} shape; nothing internal (class names, SQL, stack traces) reaches the client.
 * Unexpected failures are logged with the request id and answered with a plain 500.
 */
public class ApiExceptionMappers {

    private static final Logger LOG = Logger.getLogger(ApiExceptionMappers.class);

    @ServerExceptionMapper
    public Response apiException(ApiException e) {
        return respond(e.toError());
    }

    @ServerExceptionMapper
    public Response constraintViolation(ConstraintViolationException e) {
        List<FieldError> errors = new ArrayList<>();
        for (ConstraintViolation<?> violation : e.getConstraintViolations()) {
            errors.add(new FieldError(fieldName(violation.getPropertyPath()), violation.getMessage()));
        }
        errors.sort(Comparator.comparing(FieldError::field).thenComparing(FieldError::message));
        return respond(new ApiError(400, "Invalid request parameters", errors));
    }

    // Quarkus has built-in mappers for these two; naming them here makes ours win.
    @ServerExceptionMapper
    public Response mismatchedInput(MismatchedInputException e) {
        return jsonMapping(e);
    }

    @ServerExceptionMapper
    public Response jsonParse(JsonParseException e) {
        return jsonProcessing(e);
    }

    @ServerExceptionMapper
    public Response jsonMapping(JsonMappingException e) {
        String field = jsonPath(e.getPath());
        List<FieldError> errors = field.isEmpty()
                ? List.of()
                : List.of(new FieldError(field, "has a missing, unknown or wrongly typed value"));
        return respond(new ApiError(400, "Request body does not match the expected JSON shape", errors));
    }

    @ServerExceptionMapper
    public Response jsonProcessing(JsonProcessingException e) {
        return respond(new ApiError(400, "Request body is not valid JSON", List.of()));
    }

    // Security failures reach these (not Quarkus's built-in challenge) because authentication is not
    // proactive. The reason a token was refused is never told: it would help whoever forged it.
    @ServerExceptionMapper
    public Response unauthorized(UnauthorizedException e) {
        return challenge(new ApiError(401, "Authentication required", List.of()), "Bearer");
    }

    @ServerExceptionMapper
    public Response authenticationFailed(AuthenticationFailedException e) {
        return challenge(new ApiError(401, "Invalid or expired access token", List.of()),
                "Bearer error=\"invalid_token\"");
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e) {
        return respond(new ApiError(403, "Insufficient permissions", List.of()));
    }

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e) {
        int status = e.getResponse().getStatus();
        if (status >= 500) {
            LOG.errorf(e, "request failed with %d", status);
            return respond(new ApiError(status, "Internal server error", List.of()));
        }
        return respond(new ApiError(status, reason(status), List.of()));
    }

    @ServerExceptionMapper
    public Response unexpected(Throwable e) {
        LOG.error("unexpected failure while handling a request", e);
        return respond(new ApiError(500, "Internal server error", List.of()));
    }

    static Response respond(ApiError error) {
        return Response.status(error.code()).type(MediaType.APPLICATION_JSON_TYPE).entity(error).build();
    }

    private static Response challenge(ApiError error, String wwwAuthenticate) {
        return Response.status(error.code()).type(MediaType.APPLICATION_JSON_TYPE)
                .header("WWW-Authenticate", wwwAuthenticate).entity(error).build();
    }

    private static String reason(int status) {
        return switch (status) {
            case 400 -> "Invalid request parameters";
            case 401 -> "Authentication required";
            case 403 -> "Insufficient permissions";
            case 404 -> "Resource not found";
            case 405 -> "Method not allowed";
            case 406 -> "Not acceptable";
            case 415 -> "Unsupported media type";
            default -> {
                Response.Status known = Response.Status.fromStatusCode(status);
                yield known != null ? known.getReasonPhrase() : "Request failed";
            }
        };
    }

    /**
     * {@code create.request.items[0].quantity} → {@code items[0].quantity}; {@code list.limit} → {@code limit}:
     * drops the method name, and the parameter name when a property of it is at fault.
     */
    private static String fieldName(Path path) {
        String method = null;
        String parameter = null;
        for (Path.Node node : path) {
            if (node.getKind() == ElementKind.METHOD) {
                method = node.getName();
            } else if (node.getKind() == ElementKind.PARAMETER) {
                parameter = node.getName();
            }
        }
        String name = path.toString();
        if (method != null && name.startsWith(method + ".")) {
            name = name.substring(method.length() + 1);
        }
        if (parameter != null && name.startsWith(parameter + ".")) {
            name = name.substring(parameter.length() + 1);
        }
        return name;
    }

    private static String jsonPath(List<JsonMappingException.Reference> path) {
        StringBuilder name = new StringBuilder();
        for (JsonMappingException.Reference reference : path) {
            if (reference.getFieldName() != null) {
                if (name.length() > 0) {
                    name.append('.');
                }
                name.append(reference.getFieldName());
            } else if (reference.getIndex() >= 0) {
                name.append('[').append(reference.getIndex()).append(']');
            }
        }
        return name.toString();
    }
}
