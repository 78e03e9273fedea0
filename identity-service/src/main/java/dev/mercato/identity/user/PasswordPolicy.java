package dev.mercato.identity.user;

import jakarta.enterprise.context.ApplicationScoped;

import dev.mercato.platform.api.ApiException;

/**
 * What a new password must be: long enough (at least {@value PasswordConfig#MINIMUM_LENGTH}
 * characters, more if the organization's settings say so) and not absurdly long. Length only, no
 * composition rules, as NIST SP 800-63B recommends.
 */
@ApplicationScoped
public class PasswordPolicy {

    private final int maxLength;

    public PasswordPolicy(PasswordConfig config) {
        this.maxLength = config.maxLength();
    }

    /** Refuses {@code password} (field {@code field}) unless it has between {@code minLength} and the maximum characters. */
    public void requireAcceptable(String field, String password, int minLength) {
        int required = Math.max(minLength, PasswordConfig.MINIMUM_LENGTH);
        // Characters as people count them: an emoji is one, not two UTF-16 units.
        int length = password.codePointCount(0, password.length());
        if (length < required) {
            throw ApiException.invalidField(field, "must be at least " + required + " characters long");
        }
        if (length > maxLength) {
            throw ApiException.invalidField(field, "must be at most " + maxLength + " characters long");
        }
        if (password.isBlank()) {
            throw ApiException.invalidField(field, "must not be only spaces");
        }
    }
}
