package dev.mercato.webhook.delivery;

import jakarta.enterprise.context.ApplicationScoped;

import dev.mercato.platform.tracing.TraceContexts;
import dev.mercato.webhook.delivery.DeliveryEngine.Claimed;
import dev.mercato.webhook.ssrf.UrlGuard;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;

/**
 * Each delivery attempt is a client span in the trace of the event its message was made from (stored with the
 * message). Only attributes Mercato chose: never the URL's path or query (a receiver may keep a token there), the
 * body or the headers. The receiver is never sent the trace context (WebhookSender).
 */
@ApplicationScoped
class DeliverySpans {

    private final TraceContexts traces;

    DeliverySpans(TraceContexts traces) {
        this.traces = traces;
    }

    /** The attempt's span; the invalid span (records nothing) when the message has no trace. */
    Span start(Claimed message) {
        return traces.startChild("webhook deliver", SpanKind.CLIENT, message.trace())
                .setAttribute("http.request.method", "POST")
                .setAttribute("mercato.webhook.message.id", message.id())
                .setAttribute("mercato.webhook.endpoint.id", message.endpointId())
                .setAttribute("mercato.webhook.event", message.eventType())
                .setAttribute("mercato.webhook.attempt", message.attempts() + 1L);
    }

    static void target(Span span, UrlGuard.Target target) {
        span.setAttribute("server.address", target.host()).setAttribute("server.port", (long) target.port());
    }

    static void finish(Span span, WebhookSender.Outcome outcome) {
        if (outcome.statusCode() != null) {
            span.setAttribute("http.response.status_code", (long) outcome.statusCode());
        }
        if (!outcome.succeeded()) {
            span.setStatus(StatusCode.ERROR, outcome.error() == null ? "receiver refused it" : outcome.error());
        }
        span.end();
    }
}
