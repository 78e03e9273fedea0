package dev.mercato.identity.user;

/** Whether a user may log in: a disabled user's tokens are revoked and its logins refused. */
public enum UserStatus {
    ACTIVE, DISABLED
}
