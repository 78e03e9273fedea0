package dev.mercato.platform.api;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

import jakarta.inject.Singleton;
import jakarta.ws.rs.core.MediaType;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.core.ResteasyReactiveRequestContext;
import org.jboss.resteasy.reactive.server.spi.ResteasyReactiveContainerRequestContext;

/**
 * Refuses a JSON request body that is not UTF-8 (RFC 8259 §8.1) before Jackson reads it: Jackson
 * decodes overlong forms such as {@code C0 AF} as {@code /} and guesses UTF-16/32 from NUL bytes,
 * so a body could mean one thing to a filter that checked it and another to the service. The JDK's
 * decoder refuses overlong forms, surrogates and code points beyond U+10FFFF.
 *
 * <p>A request filter that runs once the body is read, not a reader interceptor: any reader interceptor makes
 * Quarkus REST rebuild the resource method's parameter annotations and an interceptor context for every body it
 * reads: under single usage events, reading the body took 9.0 % of the event loops' samples with it and 4.1 % with
 * this filter (docs/BENCHMARKS.md). REST reads
 * the body before such a filter only for a non-blocking resource method that takes one; every resource method
 * here returns a {@code Uni}.
 */
@Singleton
public class StrictUtf8Bodies {

    @ServerRequestFilter(readBody = true)
    public void refuseBodiesThatAreNotUtf8(ResteasyReactiveContainerRequestContext request) throws IOException {
        // Only a resource method that takes a body has it read before its filters; any other leaves the body unread.
        if (request.getServerRequestContext() instanceof ResteasyReactiveRequestContext context && context.hasInputStream()
                && isJson(request.getMediaType())) {
            byte[] body = context.getInputStream().readAllBytes();
            if (!isUtf8WithoutNul(body)) {
                throw ApiException.badRequest("Request body must be JSON encoded as UTF-8",
                        List.of(new FieldError("body", "is not valid UTF-8")));
            }
            context.setInputStream(new ByteArrayInputStream(body));
        }
    }

    private static boolean isJson(MediaType type) {
        return type != null && ("json".equalsIgnoreCase(type.getSubtype())
                || type.getSubtype().toLowerCase(Locale.ROOT).endsWith("+json"));
    }

    /** A raw NUL byte is never part of JSON text in UTF-8; it only appears in UTF-16/32. */
    static boolean isUtf8WithoutNul(byte[] body) {
        boolean ascii = true;
        for (byte b : body) {
            if (b == 0) {
                return false;
            }
            ascii &= b > 0;
        }
        // ASCII is UTF-8 as it is: most bodies need no decoding (under batches of usage events, decoding them was
        // about 1 % of metering-service's CPU samples)
        return ascii || decodesAsUtf8(body);
    }

    private static boolean decodesAsUtf8(byte[] body) {
        try {
            StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(body));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }
}
