package dev.mercato.platform.tracing;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.common.header.Headers;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapGetter;
import io.opentelemetry.context.propagation.TextMapPropagator;

/**
 * Carries a trace across the places automatic instrumentation cannot see: the outbox table between a business
 * transaction and the relay, and the webhook message table between fan-out and delivery. HTTP requests and the
 * Kafka consumers are traced by quarkus-opentelemetry itself; with the SDK disabled (the default, see
 * docs/RUNNING.md "Traces") every method here is a no-op.
 */
@ApplicationScoped
public class TraceContexts {

    /** The W3C trace context headers (on Kafka records too). */
    public static final String TRACEPARENT = "traceparent";
    public static final String TRACESTATE = "tracestate";

    private static final TextMapGetter<StoredTrace> STORED = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(StoredTrace carrier) {
            return List.of(TRACEPARENT, TRACESTATE);
        }

        @Override
        public String get(StoredTrace carrier, String key) {
            return carrier == null ? null : TRACEPARENT.equals(key) ? carrier.traceparent()
                    : TRACESTATE.equals(key) ? carrier.tracestate() : null;
        }
    };

    private final TextMapPropagator propagator;
    private final Tracer tracer;

    public TraceContexts(OpenTelemetry openTelemetry) {
        this.propagator = openTelemetry.getPropagators().getTextMapPropagator();
        this.tracer = openTelemetry.getTracer("dev.mercato.platform");
    }

    /** The trace of the request or event being handled now, to store with what continues it; empty outside one. */
    public StoredTrace current() {
        Map<String, String> carrier = new HashMap<>();
        propagator.inject(Context.current(), carrier, Map::put);
        return new StoredTrace(carrier.get(TRACEPARENT), carrier.get(TRACESTATE));
    }

    /**
     * Starts span {@code name} as a child of {@code stored}. Without a stored trace it returns the invalid span,
     * which records nothing: work done for a row or message never starts a trace of its own.
     */
    public Span startChild(String name, SpanKind kind, StoredTrace stored) {
        if (stored == null || stored.isEmpty()) {
            return Span.getInvalid();
        }
        Context parent = propagator.extract(Context.root(), stored, STORED);
        if (!Span.fromContext(parent).getSpanContext().isValid()) {
            return Span.getInvalid();
        }
        return tracer.spanBuilder(name).setSpanKind(kind).setParent(parent).startSpan();
    }

    /** Writes {@code span}'s context into Kafka record headers, so the consumer's span is its child. */
    public void inject(Span span, Headers headers) {
        if (!span.getSpanContext().isValid()) {
            return;
        }
        propagator.inject(Context.root().with(span), headers,
                (carrier, key, value) -> carrier.remove(key).add(key, value.getBytes(StandardCharsets.UTF_8)));
    }
}
