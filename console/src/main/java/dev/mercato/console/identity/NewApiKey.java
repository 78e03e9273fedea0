package dev.mercato.console.identity;

import java.util.Set;

import com.fasterxml.jackson.annotation.JsonInclude;

/** The body of {@code POST /api/v1/api-keys}; a null role means the creator's. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record NewApiKey(String name, Set<String> scopes, String role) {
}
