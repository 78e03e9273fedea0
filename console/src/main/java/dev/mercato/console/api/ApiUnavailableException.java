package dev.mercato.console.api;

/**
 * An API did not answer in time, could not be reached, or answered with a server error: the page says which service
 * and, when it sent one, the request id an operator can look up; never anything of the failure's internals.
 */
public class ApiUnavailableException extends RuntimeException {

    private final Upstream upstream;
    private final String requestId;

    public ApiUnavailableException(Upstream upstream, String reason, String requestId) {
        super(upstream.serviceName() + " " + reason);
        this.upstream = upstream;
        this.requestId = requestId;
    }

    public Upstream upstream() {
        return upstream;
    }

    /** The upstream's {@code X-Request-ID}, or null when it never answered. */
    public String requestId() {
        return requestId;
    }
}
