package dev.mercato.platform.api;

/** One problem with one input field, as listed in the {@code errors} array of an error response. */
public record FieldError(String field, String message) {
}
