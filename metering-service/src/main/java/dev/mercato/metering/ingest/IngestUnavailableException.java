package dev.mercato.metering.ingest;

/**
 * Ingestion cannot make events durable right now (Kafka did not acknowledge in time, or the read models are
 * still loading): the request is answered 503 with {@code Retry-After}, and nothing in it was accepted.
 */
public class IngestUnavailableException extends RuntimeException {

    public IngestUnavailableException(String message, Throwable cause) {
        super(message, cause, false, false);
    }
}
