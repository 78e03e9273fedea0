package dev.mercato.platform.tracing;

/**
 * The W3C trace context ({@code traceparent}, {@code tracestate}) of work that goes on later, somewhere else: kept
 * with an outbox row or a webhook message, so the relay or the delivery continues the trace of the request or event
 * that caused it. Both null when there was no trace (tracing off, or a batch that serves many traces).
 */
public record StoredTrace(String traceparent, String tracestate) {

    public boolean isEmpty() {
        return traceparent == null;
    }
}
