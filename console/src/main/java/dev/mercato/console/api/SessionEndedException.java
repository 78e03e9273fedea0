package dev.mercato.console.api;

/** The user's session is over (its refresh token was refused, or it timed out): the browser goes back to sign-in. */
public class SessionEndedException extends RuntimeException {

    public SessionEndedException() {
        super("Your session has ended; sign in again.");
    }
}
