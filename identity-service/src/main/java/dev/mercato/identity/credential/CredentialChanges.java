package dev.mercato.identity.credential;

import java.util.Set;

/**
 * A change to an application or API key; a null field stays as it is.
 *
 * @param rateLimitPerHour   only the platform operator may set it
 * @param rateLimitPerMinute only the platform operator may set it
 */
public record CredentialChanges(String name, String description, Set<String> scopes, Integer rateLimitPerHour,
        Integer rateLimitPerMinute) {
}
