package dev.mercato.console.api;

import java.util.List;

/**
 * An API refused a request (4xx other than an expired token), with its one-sentence message and, for invalid input,
 * the fields at fault. Forms show it next to their fields; anywhere else it becomes an error page.
 */
public class ApiRefusedException extends RuntimeException {

    private final Upstream upstream;
    private final int status;
    private final List<FieldError> errors;
    private final Long retryAfterSeconds;

    public ApiRefusedException(Upstream upstream, int status, String message, List<FieldError> errors,
            Long retryAfterSeconds) {
        super(message);
        this.upstream = upstream;
        this.status = status;
        this.errors = List.copyOf(errors);
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public Upstream upstream() {
        return upstream;
    }

    public int status() {
        return status;
    }

    public List<FieldError> errors() {
        return errors;
    }

    /** Seconds until a rate limit or throttle lifts (429), else null. */
    public Long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
