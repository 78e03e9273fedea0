package dev.mercato.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

import org.junit.jupiter.api.Test;

import io.quarkus.runtime.configuration.MemorySizeConverter;

/**
 * Every body the services accept is gathered in memory and read on the event loop: REST's input buffer is at least
 * the largest body allowed. Below it, a larger body (a batch of usage events) was handed to a worker thread and read
 * from a blocking stream, a thread hand-off on every such request.
 */
class BodyBufferTest {

    @Test
    void theInputBufferHoldsTheLargestBodyAllowed() throws IOException {
        Properties shared = new Properties();
        try (InputStream in = BodyBufferTest.class.getResourceAsStream("/META-INF/microprofile-config.properties")) {
            shared.load(in);
        }
        MemorySizeConverter sizes = new MemorySizeConverter();
        long largestBody = sizes.convert(shared.getProperty("quarkus.http.limits.max-body-size")).asLongValue();
        long inputBuffer = sizes.convert(shared.getProperty("quarkus.rest.input-buffer-size", "10k")).asLongValue();
        assertThat(inputBuffer).isGreaterThanOrEqualTo(largestBody);
    }
}
