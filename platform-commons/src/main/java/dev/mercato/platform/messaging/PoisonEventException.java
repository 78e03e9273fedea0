package dev.mercato.platform.messaging;

/**
 * A record that can never be processed (no event id, not JSON, not the expected shape). It is not
 * retried: the consumer's failure strategy sends it to the dead-letter topic and moves on.
 */
public class PoisonEventException extends RuntimeException {

    public PoisonEventException(String message) {
        super(message);
    }

    public PoisonEventException(String message, Throwable cause) {
        super(message, cause);
    }
}
