package dev.mercato.identity.user;

import io.smallrye.mutiny.Uni;

/** How long the passwords of an organization's users must be; organization settings answer it. */
public interface PasswordLengths {

    /** The minimum length of a new password of a user of {@code organizationId}. Needs a session. */
    Uni<Integer> passwordMinLength(String organizationId);
}
