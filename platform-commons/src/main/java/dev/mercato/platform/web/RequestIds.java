package dev.mercato.platform.web;

import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;

import org.jboss.logging.MDC;

import io.vertx.core.Context;
import io.vertx.core.Vertx;

/**
 * The {@code X-Request-ID} of the work in progress: accepted from the caller when it is sane,
 * generated otherwise, kept on the Vert.x (duplicated) context and in the logging MDC, and carried
 * into Kafka headers and webhook deliveries.
 */
public final class RequestIds {

    public static final String HEADER = "X-Request-ID";
    public static final String KAFKA_HEADER = "x-request-id";
    public static final String MDC_KEY = "requestId";

    private static final String CONTEXT_KEY = "mercato.request-id";
    private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9._:@/+=-]{1,128}");

    private RequestIds() {
    }

    /** {@code candidate} when it is a safe id (no control characters, at most 128 characters), else a new one. */
    public static String acceptOrGenerate(String candidate) {
        return candidate != null && SAFE.matcher(candidate).matches() ? candidate : generate();
    }

    /**
     * A new random (version 4) UUID. A request id correlates, it guards nothing, so it comes from the thread's own
     * generator: {@code UUID.randomUUID()} reads the shared {@code SecureRandom}, 1.4 % of a cheap request's CPU.
     */
    static String generate() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long high = random.nextLong() & ~0xF000L | 0x4000L; // version 4
        long low = random.nextLong() & 0x3FFFFFFFFFFFFFFFL | 0x8000000000000000L; // the RFC 9562 variant
        return new UUID(high, low).toString();
    }

    /** Makes {@code requestId} the current one for this context and its log lines. */
    public static void bind(String requestId) {
        Context context = Vertx.currentContext();
        if (context != null) {
            context.putLocal(CONTEXT_KEY, requestId);
        }
        MDC.put(MDC_KEY, requestId);
    }

    /** The current request id, or null outside a request or event. */
    public static String current() {
        Context context = Vertx.currentContext();
        if (context != null) {
            Object value = context.getLocal(CONTEXT_KEY);
            if (value != null) {
                return value.toString();
            }
        }
        Object fromMdc = MDC.get(MDC_KEY);
        return fromMdc == null ? null : fromMdc.toString();
    }
}
