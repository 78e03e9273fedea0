package dev.mercato.identity.token;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * An OAuth form body ({@code application/x-www-form-urlencoded}), parsed here rather than by the
 * framework so that malformed encoding and repeated parameters (RFC 6749 §3.2) become
 * {@code invalid_request} instead of a generic error.
 */
final class OAuthForm {

    private static final int MAX_BODY = 16 * 1024;

    private final Map<String, String> parameters;

    private OAuthForm(Map<String, String> parameters) {
        this.parameters = parameters;
    }

    static OAuthForm parse(String body) {
        Map<String, String> parameters = new HashMap<>();
        if (body == null || body.isEmpty()) {
            return new OAuthForm(parameters);
        }
        if (body.length() > MAX_BODY) {
            throw OAuthException.invalidRequest("the request body is too large");
        }
        for (String pair : body.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            String name = decode(equals < 0 ? pair : pair.substring(0, equals));
            String value = equals < 0 ? "" : decode(pair.substring(equals + 1));
            if (parameters.put(name, value) != null) {
                throw OAuthException.invalidRequest(name + " must not be repeated");
            }
        }
        return new OAuthForm(parameters);
    }

    /** The parameter's value, null when absent or empty. */
    String optional(String name) {
        String value = parameters.get(name);
        return value == null || value.isEmpty() ? null : value;
    }

    String required(String name) {
        String value = optional(name);
        if (value == null) {
            throw OAuthException.invalidRequest(name + " is required");
        }
        return value;
    }

    /** {@code scope} as a set, null when absent or blank. */
    Set<String> scopes() {
        String scope = optional("scope");
        if (scope == null || scope.isBlank()) {
            return null;
        }
        Set<String> scopes = new LinkedHashSet<>();
        for (String part : scope.strip().split(" +")) {
            scopes.add(part);
        }
        return scopes;
    }

    private static String decode(String text) {
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw OAuthException.invalidRequest("the body is not valid application/x-www-form-urlencoded");
        }
    }
}
