package dev.mercato.platform.api;

import java.net.ConnectException;
import java.util.Set;

import io.vertx.sqlclient.ClosedConnectionException;

/**
 * Recognises, however Hibernate Reactive and Mutiny wrap it, a request that failed because the service could not
 * reach its database, not because of anything in the request: the server refused a new connection (its
 * {@code max_connections} taken: SQLSTATE 53300; starting up or shutting down: 57P01–57P03), nothing listens on its
 * port, or the connection broke (SQLSTATE class 08). {@link ApiExceptionMappers} answers these with 503 and a
 * {@code Retry-After}, so a client retries later instead of reporting a fault in the service.
 */
public final class DatabaseUnavailable {

    private static final Set<String> REFUSED = Set.of("53300", "57P01", "57P02", "57P03");
    private static final String CONNECTION_EXCEPTION_CLASS = "08";

    private DatabaseUnavailable() {
    }

    public static boolean is(Throwable failure) {
        String state = WriteConflicts.sqlState(failure);
        if (state != null) {
            return REFUSED.contains(state) || state.startsWith(CONNECTION_EXCEPTION_CLASS);
        }
        return Causes.any(failure, cause -> cause instanceof ConnectException || cause instanceof ClosedConnectionException);
    }
}
