package dev.mercato.platform.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.mercato.platform.api.ApiException;

/** A resource whitelist, a fixed clock and small helpers shared by the query tests. */
final class QueryFixtures {

    enum AccountStatus { ACTIVE, INACTIVE, PENDING_REVIEW }

    static final Instant NOW = Instant.parse("2026-03-15T12:00:00Z");
    static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    static final QueryContext CONTEXT = QueryContext.of(CLOCK).withMe("usr_42");

    static final QueryFields FIELDS = QueryFields.builder()
            .string("name", "name")
            .string("postal", "address.postalCode")
            .string("owner", "ownerId")
            .enumeration("status", "status", AccountStatus.class)
            .instant("createdAt", "createdAt")
            .date("startDate", "startDate")
            .decimal("amount", "amount")
            .integer("seats", "seats")
            .bool("active", "active")
            .defaultSort("-createdAt")
            .tieBreaker("id")
            .build();

    private QueryFixtures() {
    }

    /** Parameters given as key, value, key, value, … — raw, as after URL decoding. */
    static Map<String, List<String>> params(String... keysAndValues) {
        Map<String, List<String>> parameters = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            parameters.computeIfAbsent(keysAndValues[i], k -> new ArrayList<>()).add(keysAndValues[i + 1]);
        }
        return parameters;
    }

    /** A raw query string as a browser sends it, decoded the way JAX-RS does ({@code +} is a space). */
    static Map<String, List<String>> queryString(String query) {
        Map<String, List<String>> parameters = new LinkedHashMap<>();
        for (String pair : query.split("&")) {
            int eq = pair.indexOf('=');
            String key = URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            parameters.computeIfAbsent(key, k -> new ArrayList<>()).add(value);
        }
        return parameters;
    }

    static ListQuery parse(String... keysAndValues) {
        return ListQuery.parse(params(keysAndValues), FIELDS, CONTEXT);
    }

    /** Asserts that parsing fails with a 400 that names at least one field, and returns it. */
    static ApiException rejected(Map<String, List<String>> parameters, QueryContext context) {
        Throwable thrown = catchThrowable(() -> ListQuery.parse(parameters, FIELDS, context));
        assertThat(thrown).isInstanceOf(ApiException.class);
        ApiException error = (ApiException) thrown;
        assertThat(error.status()).isEqualTo(400);
        assertThat(error.errors()).isNotEmpty();
        return error;
    }

    static ApiException rejected(String... keysAndValues) {
        return rejected(params(keysAndValues), CONTEXT);
    }
}
