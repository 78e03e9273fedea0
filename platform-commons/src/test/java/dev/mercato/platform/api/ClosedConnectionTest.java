package dev.mercato.platform.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;

import jakarta.ws.rs.core.Response;

import org.junit.jupiter.api.Test;

import io.vertx.core.http.HttpClosedException;

/**
 * A client that closes its connection while its body is read (RESTEasy Reactive reports it as an IOException around
 * Vert.x's {@link HttpClosedException}) is not a failure of the service: a 400, not the 500 and ERROR log of an
 * unexpected failure.
 */
class ClosedConnectionTest {

    @Test
    void aBodyCutShortByTheClientIsA400NotA500() {
        Throwable cut = new IOException(new IOException(new HttpClosedException("Connection was closed")));

        Response answer = new ApiExceptionMappers().unexpected(cut);

        assertThat(answer.getStatus()).isEqualTo(400);
        assertThat(((ApiError) answer.getEntity()).message()).isEqualTo("The connection closed before the request was complete");
    }

    @Test
    void anotherIoFailureIsStillA500() {
        Response answer = new ApiExceptionMappers().unexpected(new UncheckedIOException(new IOException("disk full")));

        assertThat(answer.getStatus()).isEqualTo(500);
    }
}
