package dev.mercato.testkit;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;

/**
 * Keeps in memory every span a service under test ends, for a test to read (inject {@link InMemorySpanExporter}).
 * Spans exist only where a service's test profile enables the SDK ({@code %test.quarkus.otel.sdk.disabled=false});
 * this exporter bean also keeps the OTLP exporter from being created.
 */
public class TestSpans {

    @Produces
    @Singleton
    InMemorySpanExporter spans() {
        return InMemorySpanExporter.create();
    }
}
