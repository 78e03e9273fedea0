package dev.mercato.console.api;

/** One entry of an API error's {@code errors}: the field at fault and why. */
public record FieldError(String field, String message) {
}
