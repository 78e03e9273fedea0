package dev.mercato.console.identity;

/** The body of {@code PATCH /api/v1/api-keys/{id}} as the console sends it: a new name (rate limits are the platform's). */
public record ApiKeyChange(String name) {
}
