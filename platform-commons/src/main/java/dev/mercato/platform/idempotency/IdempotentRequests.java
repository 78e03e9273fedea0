package dev.mercato.platform.idempotency;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Supplier;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.hibernate.reactive.mutiny.Mutiny;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.mercato.platform.api.ApiException;
import dev.mercato.platform.api.FieldError;
import dev.mercato.platform.scheduling.PeriodicRounds;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * {@code Idempotency-Key} (or {@code X-Idempotency-Key}) on a {@code POST}: the first request with a
 * key runs and its answer is stored in the same transaction as its effect; a later request with the
 * same key and the same body gets that answer again (header {@code Idempotent-Replayed: true}) and
 * changes nothing; the same key with a different body is refused with 422. Two concurrent requests
 * with one key are serialized by the key's primary key: the second waits, then replays.
 */
@ApplicationScoped
public class IdempotentRequests {

    public static final String HEADER = "Idempotency-Key";
    public static final String LEGACY_HEADER = "X-Idempotency-Key";
    public static final String REPLAYED_HEADER = "Idempotent-Replayed";

    private static final Pattern VALID_KEY = Pattern.compile("[\\x21-\\x7e]{1,255}");

    private final ObjectMapper json;
    private final Pool pool;
    private final PeriodicRounds rounds;
    private final Duration retention;

    public IdempotentRequests(ObjectMapper json, Pool pool, PeriodicRounds rounds,
            @ConfigProperty(name = "mercato.idempotency.retention", defaultValue = "PT24H") Duration retention) {
        this.json = json;
        this.pool = pool;
        this.rounds = rounds;
        this.retention = retention;
    }

    /**
     * Runs {@code action} once per idempotency key; without a key it simply runs it.
     *
     * @param scope   who and what the key belongs to, e.g. {@code "POST /api/v1/tenants " + caller}: keys of
     *                different callers or endpoints never meet
     * @param request the parsed request body (its canonical JSON is what "the same body" means)
     * @param action  the work; it must join the surrounding transaction ({@code @WithTransaction} does)
     */
    public Uni<Response> once(HttpHeaders headers, String scope, Object request, Supplier<Uni<Response>> action) {
        String key = keyOf(headers);
        if (key == null) {
            return action.get();
        }
        String requestHash = hash(request);
        return Panache.withTransaction(() -> Panache.getSession().chain(session -> claim(session, scope, key, requestHash)
                .chain(claimed -> claimed
                        ? action.get().call(response -> store(session, scope, key, response))
                        : replay(session, scope, key, requestHash))));
    }

    private static String keyOf(HttpHeaders headers) {
        String key = headers.getHeaderString(HEADER);
        String header = HEADER;
        if (key == null) {
            key = headers.getHeaderString(LEGACY_HEADER);
            header = LEGACY_HEADER;
        }
        if (key != null && !VALID_KEY.matcher(key).matches()) {
            throw ApiException.badRequest("Invalid idempotency key",
                    List.of(new FieldError(header, "must be 1 to 255 visible ASCII characters")));
        }
        return key;
    }

    /** Inserts the key; true when this request is the first with it (a concurrent one waits on the row). */
    private static Uni<Boolean> claim(Mutiny.Session session, String scope, String key, String requestHash) {
        return session.createNativeQuery("""
                insert into idempotency_key (scope, idem_key, request_hash, status, response_body, created_at)
                values (:scope, :key, :hash, 0, '', now()) on conflict do nothing""")
                .setParameter("scope", scope).setParameter("key", key).setParameter("hash", requestHash)
                .executeUpdate()
                .map(inserted -> inserted == 1);
    }

    private Uni<Void> store(Mutiny.Session session, String scope, String key, Response response) {
        return session.createNativeQuery("""
                update idempotency_key set status = :status, response_body = :body
                where scope = :scope and idem_key = :key""")
                .setParameter("status", response.getStatus())
                .setParameter("body", bodyOf(response))
                .setParameter("scope", scope).setParameter("key", key)
                .executeUpdate()
                .replaceWithVoid();
    }

    private static Uni<Response> replay(Mutiny.Session session, String scope, String key, String requestHash) {
        return session.createNativeQuery("""
                select request_hash, status, response_body from idempotency_key
                where scope = :scope and idem_key = :key""", Object[].class)
                .setParameter("scope", scope).setParameter("key", key)
                .getSingleResult()
                .map(row -> {
                    if (!requestHash.equals(row[0])) {
                        throw new ApiException(422, "Idempotency-Key was already used with a different request body");
                    }
                    return Response.status(((Number) row[1]).intValue())
                            .type(MediaType.APPLICATION_JSON_TYPE)
                            .entity(row[2])
                            .header(REPLAYED_HEADER, "true")
                            .build();
                });
    }

    private String bodyOf(Response response) {
        Object entity = response.getEntity();
        if (entity == null) {
            return "";
        }
        try {
            return entity instanceof String text ? text : json.writeValueAsString(entity);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("response cannot be stored for idempotent replay", e);
        }
    }

    private String hash(Object request) {
        try {
            byte[] canonical = request == null ? new byte[0] : json.writeValueAsBytes(request);
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(canonical));
        } catch (JsonProcessingException | NoSuchAlgorithmException e) {
            throw new IllegalStateException("request cannot be hashed", e);
        }
    }

    void scheduleCleanup(@Observes StartupEvent event) {
        rounds.tick(Duration.ofMinutes(10), () -> pool
                .preparedQuery("delete from idempotency_key where created_at < now() - make_interval(secs => $1)")
                .execute(Tuple.of((double) retention.toSeconds()))
                .subscribe().with(ignored -> { }, failure -> { }));
    }

}
