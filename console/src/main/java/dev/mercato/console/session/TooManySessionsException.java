package dev.mercato.console.session;

/** Every session this instance may hold is open: a sign-in has to wait until some end. */
public class TooManySessionsException extends RuntimeException {

    public TooManySessionsException() {
        super("The console has as many open sessions as it may hold; try again in a few minutes.");
    }
}
