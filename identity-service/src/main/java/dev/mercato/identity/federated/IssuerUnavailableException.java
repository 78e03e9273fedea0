package dev.mercato.identity.federated;

/** An issuer's discovery document or key set could not be fetched or read. */
class IssuerUnavailableException extends RuntimeException {

    IssuerUnavailableException(String message) {
        super(message, null, false, false);
    }
}
