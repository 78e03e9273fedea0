package dev.mercato.platform.api;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import jakarta.persistence.PersistenceException;
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
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidDefinitionException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;

import dev.mercato.pricing.PricingException;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.vertx.core.http.HttpClosedException;

/**
 * The one place where failures become HTTP answers, for every service. Every answer has the
 * {@link ApiError} shape; nothing internal (class names, SQL, stack traces) reaches the client.
 * A write that lost a race (stale version, duplicate key) is 409, text PostgreSQL cannot store is 400;
 * a database the service cannot reach (connections refused or broken) is 503 with {@code Retry-After};
 * a client that closed its connection before its request was read is a 400 logged at debug level (nobody reads the
 * answer); other unexpected failures are logged with the request id and answered with a plain 500.
 */
public class ApiExceptionMappers {

    private static final Logger LOG = Logger.getLogger(ApiExceptionMappers.class);
    /** Jackson's wording for {@code StreamReadFeature.STRICT_DUPLICATE_DETECTION}; the only way to the name. */
    private static final Pattern DUPLICATE_FIELD = Pattern.compile("Duplicate field '(.{1,200})'", Pattern.DOTALL);
    private static final int MAX_FIELD_NAME = 200;
    private static final String DATABASE_RETRY_AFTER_SECONDS = "1";

    @ServerExceptionMapper
    public Response apiException(ApiException e) {
        return respond(e.toError());
    }

    /** Prices, quantities or currencies the pricing engine cannot compute with: the caller's input, named. */
    @ServerExceptionMapper
    public Response pricing(PricingException e) {
        return respond(new ApiError(400, "Invalid request parameters", List.of(new FieldError(e.field(), e.getMessage()))));
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

    // Quarkus has built-in mappers for these Jackson exceptions; naming each here makes ours win.
    @ServerExceptionMapper
    public Response mismatchedInput(MismatchedInputException e) {
        return jsonMapping(e);
    }

    @ServerExceptionMapper
    public Response invalidFormat(InvalidFormatException e) {
        return jsonMapping(e);
    }

    @ServerExceptionMapper
    public Response unrecognizedProperty(UnrecognizedPropertyException e) {
        return jsonMapping(e);
    }

    // Raised while binding a client's body (e.g. a record component given twice), so the client's fault.
    @ServerExceptionMapper
    public Response invalidDefinition(InvalidDefinitionException e) {
        LOG.debugf("request body refused: %s", e.getOriginalMessage());
        return jsonMapping(e);
    }

    @ServerExceptionMapper
    public Response jsonParse(JsonParseException e) {
        return jsonProcessing(e);
    }

    @ServerExceptionMapper
    public Response jsonMapping(JsonMappingException e) {
        Response duplicate = duplicateKey(e);
        if (duplicate != null) {
            return duplicate;
        }
        String field = jsonPath(e.getPath());
        List<FieldError> errors = field.isEmpty()
                ? List.of()
                : List.of(new FieldError(field, expectation(e)));
        return respond(new ApiError(400, "Request body does not match the expected JSON shape", errors));
    }

    @ServerExceptionMapper
    public Response jsonProcessing(JsonProcessingException e) {
        Response duplicate = duplicateKey(e);
        if (duplicate != null) {
            return duplicate;
        }
        return respond(new ApiError(400, "Request body is not valid JSON", List.of()));
    }

    /**
     * 400 naming the key when {@code e} is, or was caused by, the parser's duplicate-key refusal (databind
     * wraps it when it happens inside an object it is binding); null otherwise.
     */
    private static Response duplicateKey(Throwable e) {
        return Causes.firstOf(e, cause -> cause instanceof JsonProcessingException parse ? duplicateKeyOf(parse) : null);
    }

    private static Response duplicateKeyOf(JsonProcessingException parse) {
        Matcher duplicate = DUPLICATE_FIELD.matcher(String.valueOf(parse.getOriginalMessage()));
        if (!duplicate.matches()) {
            return null;
        }
        String field = parse.getProcessor() instanceof JsonParser parser
                ? parentPath(parser.getParsingContext()) + duplicate.group(1)
                : duplicate.group(1);
        return respond(new ApiError(400, "Request body has a duplicate key",
                List.of(new FieldError(printable(field), "is given more than once"))));
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
        // Quarkus's JSON reader wraps syntax errors (and some binding errors) in a 400 WebApplicationException.
        if (e.getCause() instanceof JsonMappingException mapping) {
            return jsonMapping(mapping);
        }
        if (e.getCause() instanceof JsonProcessingException processing) {
            return jsonProcessing(processing);
        }
        int status = e.getResponse().getStatus();
        if (status >= 500) {
            LOG.errorf(e, "request failed with %d", status);
            return respond(new ApiError(status, "Internal server error", List.of()));
        }
        return respond(new ApiError(status, reason(status), List.of()));
    }

    // Hibernate Reactive reports a lost race or refused text as these, sometimes inside a CompletionException.
    @ServerExceptionMapper
    public Response persistence(PersistenceException e) {
        return unexpected(e);
    }

    @ServerExceptionMapper
    public Response completion(CompletionException e) {
        return unexpected(e);
    }

    @ServerExceptionMapper
    public Response unexpected(Throwable e) {
        if (WriteConflicts.isConflict(e)) {
            LOG.debugf("write conflict answered with 409: %s", e);
            return respond(new ApiError(409,
                    "The resource was changed or created by another request at the same time; fetch it and try again",
                    List.of()));
        }
        if (WriteConflicts.isUnstorableText(e)) {
            LOG.debugf("unstorable text answered with 400: %s", e);
            return respond(new ApiError(400, "Request holds a character that cannot be stored (U+0000)", List.of()));
        }
        if (DatabaseUnavailable.is(e)) {
            LOG.warnf("request answered with 503, the database is unavailable: %s", rootMessage(e));
            return Response.status(503).type(MediaType.APPLICATION_JSON_TYPE)
                    .header("Retry-After", DATABASE_RETRY_AFTER_SECONDS)
                    .entity(new ApiError(503, "The service cannot reach its database at the moment; try again shortly",
                            List.of()))
                    .build();
        }
        if (Causes.any(e, HttpClosedException.class::isInstance)) {
            // The client went away while its body was being read (a timeout, a load tool stopping): not a failure of
            // this service, and nobody reads the answer; an ERROR with a stack trace for each would bury real ones.
            LOG.debugf("the client closed the connection before its request was read: %s", e);
            return respond(new ApiError(400, "The connection closed before the request was complete", List.of()));
        }
        LOG.error("unexpected failure while handling a request", e);
        return respond(new ApiError(500, "Internal server error", List.of()));
    }

    private static String rootMessage(Throwable e) {
        Throwable root = Causes.root(e);
        return root.getClass().getSimpleName() + ": " + root.getMessage();
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
            case 413 -> "Request body is too large";
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

    /** What the value at the failing field should have been, in the client's terms. */
    private static String expectation(JsonMappingException e) {
        if (e instanceof UnrecognizedPropertyException) {
            return "is not a known field";
        }
        if (e instanceof InvalidFormatException format && format.getValue() instanceof String text
                && text.indexOf('\0') >= 0) {
            return StrictJson.NulFreeString.MESSAGE;
        }
        Class<?> target = e instanceof MismatchedInputException mismatch ? mismatch.getTargetType() : null;
        if (target == null) {
            return "has a missing, unknown or wrongly typed value";
        }
        if (CharSequence.class.isAssignableFrom(target) || target == char.class || target == Character.class) {
            return "must be a string";
        }
        if (target == boolean.class || target == Boolean.class) {
            return "must be true or false";
        }
        if (target == int.class || target == long.class || target == short.class || target == Integer.class
                || target == Long.class || target == Short.class || target == java.math.BigInteger.class) {
            return "must be a whole number";
        }
        if (target.isPrimitive() || Number.class.isAssignableFrom(target)) {
            return "must be a number";
        }
        if (target.isEnum()) {
            return "must be one of " + Arrays.stream(target.getEnumConstants()).map(Object::toString)
                    .collect(Collectors.joining(", "));
        }
        if (target.isArray() || Collection.class.isAssignableFrom(target)) {
            return "must be an array";
        }
        if (Map.class.isAssignableFrom(target) || target.isRecord()) {
            return "must be an object";
        }
        if (java.time.temporal.Temporal.class.isAssignableFrom(target)) {
            return "must be an ISO 8601 date-time string";
        }
        return "has a missing, unknown or wrongly typed value";
    }

    /** {@code branding.} for a key inside {@code "branding": {…}}; empty at the top level. */
    private static String parentPath(JsonStreamContext context) {
        List<String> parts = new ArrayList<>();
        for (JsonStreamContext parent = context == null ? null : context.getParent(); parent != null;
                parent = parent.getParent()) {
            if (parent.inObject() && parent.getCurrentName() != null) {
                parts.add(0, parent.getCurrentName());
            } else if (parent.inArray()) {
                parts.add(0, "[" + parent.getCurrentIndex() + "]");
            }
        }
        StringBuilder path = new StringBuilder();
        for (String part : parts) {
            if (!part.startsWith("[") && path.length() > 0) {
                path.append('.');
            }
            path.append(part);
        }
        return path.length() == 0 ? "" : path + ".";
    }

    /** A client-chosen name, echoed safely: control characters dropped, length bounded. */
    private static String printable(String name) {
        String clean = name.codePoints().filter(c -> !Character.isISOControl(c))
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
        return clean.length() > MAX_FIELD_NAME ? clean.substring(0, MAX_FIELD_NAME) + "…" : clean;
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
        return printable(name.toString());
    }
}
