package dev.mercato.platform.tracing;

import java.util.Map;
import java.util.Set;

import org.eclipse.microprofile.config.spi.ConfigSource;

/**
 * The one switch for traces: when {@value #ENDPOINT_VARIABLE} names an OTLP collector (e.g.
 * {@code http://otel-collector:4317}), the OpenTelemetry SDK is enabled and exports there; unset, the SDK stays
 * disabled (the shared default) and nothing is traced or exported. Ordinal 150: above the shared defaults (100),
 * below a service's application.properties (250) and explicit {@code QUARKUS_OTEL_*} variables (300).
 * The variable is read on every lookup, never remembered, so a native image built without it still honours it.
 */
public final class TracingConfigSource implements ConfigSource {

    static final String ENDPOINT_VARIABLE = "MERCATO_OTEL_ENDPOINT";
    private static final String SDK_DISABLED = "quarkus.otel.sdk.disabled";
    private static final String TRACES_ENDPOINT = "quarkus.otel.exporter.otlp.traces.endpoint";

    @Override
    public Map<String, String> getProperties() {
        String endpoint = endpoint();
        return endpoint == null ? Map.of() : Map.of(SDK_DISABLED, "false", TRACES_ENDPOINT, endpoint);
    }

    @Override
    public Set<String> getPropertyNames() {
        return getProperties().keySet();
    }

    @Override
    public String getValue(String propertyName) {
        return getProperties().get(propertyName);
    }

    @Override
    public int getOrdinal() {
        return 150;
    }

    @Override
    public String getName() {
        return "mercato-tracing (" + ENDPOINT_VARIABLE + ")";
    }

    private static String endpoint() {
        String value = System.getenv(ENDPOINT_VARIABLE);
        return value == null || value.isBlank() ? null : value.trim();
    }
}
