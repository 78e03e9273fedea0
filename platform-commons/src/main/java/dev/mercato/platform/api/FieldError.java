package dev.mercato.platform.api;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** One problem with one input field, as listed in the {@code errors} array of an error response. */
@RegisterForReflection // written by Jackson from exception mappers and filters too
public record FieldError(String field, String message) {
}
