package dev.mercato.platform.api;

import java.util.List;

/**
 * A failure that the caller caused or must know about, carrying the HTTP status and the message
 * that reach the client in the {@link ApiError} shape. Anything else thrown becomes a generic 500.
 */
public class ApiException extends RuntimeException {

    private final int status;
    private final List<FieldError> errors;

    public ApiException(int status, String message, List<FieldError> errors) {
        super(message, null, false, false);
        this.status = status;
        this.errors = List.copyOf(errors);
    }

    public ApiException(int status, String message) {
        this(status, message, List.of());
    }

    public static ApiException badRequest(String message, List<FieldError> errors) {
        return new ApiException(400, message, errors);
    }

    public static ApiException invalidField(String field, String message) {
        return new ApiException(400, "Invalid request parameters", List.of(new FieldError(field, message)));
    }

    public static ApiException notFound(String what, String id) {
        return new ApiException(404, what + " '" + id + "' was not found");
    }

    public static ApiException conflict(String message) {
        return new ApiException(409, message);
    }

    public static ApiException forbidden(String message) {
        return new ApiException(403, message);
    }

    public int status() {
        return status;
    }

    public List<FieldError> errors() {
        return errors;
    }

    public ApiError toError() {
        return new ApiError(status, getMessage(), errors);
    }
}
