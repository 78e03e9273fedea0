package dev.mercato.platform.web;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;

import jakarta.inject.Singleton;
import jakarta.enterprise.event.Observes;
import jakarta.ws.rs.core.MediaType;

import dev.mercato.platform.api.ApiError;
import dev.mercato.platform.api.FieldError;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * Refuses, with 400 and before anything else reads it, a request whose path or query — once
 * percent-decoded — holds a control character (U+0000–U+001F, U+007F), a broken percent escape or
 * bytes that are not UTF-8, or whose {@code Content-Type} is not a media type. Such an id can never
 * name a resource, PostgreSQL refuses NUL outright, and REST's content negotiation fails on an
 * unparsable media type, so refusing at the edge spares every service from handling them.
 */
@Singleton
public class RequestScreen {

    private static final int MAX_NAME = 64;

    private final RouteErrors errors;

    public RequestScreen(RouteErrors errors) {
        this.errors = errors;
    }

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE + 1).handler(this::screen);
    }

    void screen(RoutingContext routing) {
        FieldError problem = problemWith(routing.request().path(), routing.request().query());
        if (problem != null) {
            errors.answer(routing, new ApiError(400, "Request path or query is not clean text", List.of(problem)), false);
            return;
        }
        String contentType = routing.request().getHeader("Content-Type");
        if (contentType != null && !isMediaType(contentType)) {
            errors.answer(routing, new ApiError(400, "Content-Type is not a media type",
                    List.of(new FieldError("Content-Type", "must be a media type such as application/json"))), false);
            return;
        }
        routing.next();
    }

    /** Parsed as REST parses it when it picks a resource method by {@code @Consumes}. */
    private static boolean isMediaType(String value) {
        try {
            return !value.isBlank() && MediaType.valueOf(value) != null;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** The first problem of {@code path} and {@code query} (both raw, as sent), or null. */
    static FieldError problemWith(String path, String query) {
        if (path != null && !isClean(path)) {
            return new FieldError("path", "must be UTF-8 without control characters");
        }
        if (query == null || query.isEmpty()) {
            return null;
        }
        for (String pair : query.split("&", -1)) {
            int equals = pair.indexOf('=');
            String name = equals < 0 ? pair : pair.substring(0, equals);
            if (!isClean(pair)) {
                String decoded = decode(name);
                boolean nameUsable = decoded != null && decoded.length() <= MAX_NAME && !hasControl(decoded)
                        && !decoded.isEmpty();
                return new FieldError(nameUsable ? decoded : "query", "must be UTF-8 without control characters");
            }
        }
        return null;
    }

    private static boolean isClean(String raw) {
        String decoded = decode(raw);
        return decoded != null && !hasControl(decoded);
    }

    private static boolean hasControl(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x20 || c == 0x7f) {
                return true;
            }
        }
        return false;
    }

    /** Percent-decodes {@code raw} as strict UTF-8; null for a broken escape or bytes that are not UTF-8. */
    static String decode(String raw) {
        if (raw.indexOf('%') < 0) {
            return raw;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '%') {
                if (i + 2 >= raw.length()) {
                    return null;
                }
                int high = Character.digit(raw.charAt(i + 1), 16);
                int low = Character.digit(raw.charAt(i + 2), 16);
                if (high < 0 || low < 0) {
                    return null;
                }
                bytes.write(high << 4 | low);
                i += 2;
            } else {
                byte[] encoded = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
                bytes.write(encoded, 0, encoded.length);
            }
        }
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes.toByteArray())).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }
}
