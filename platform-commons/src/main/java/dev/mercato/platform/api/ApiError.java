package dev.mercato.platform.api;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * The error body of every Mercato API:
 * {@code {"code": 400, "message": "…", "errors": [{"field": "…", "message": "…"}]}}.
 * {@code retryAfter} (seconds) is present only on 429 answers.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@RegisterForReflection // written by Jackson from exception mappers and filters too
public record ApiError(int code, String message, List<FieldError> errors, Long retryAfter) {

    public ApiError(int code, String message, List<FieldError> errors) {
        this(code, message, errors, null);
    }
}
