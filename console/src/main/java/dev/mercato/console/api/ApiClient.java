package dev.mercato.console.api;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.ToIntFunction;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.mercato.console.session.Session;
import dev.mercato.console.session.SessionTokens;
import dev.mercato.console.session.Tokens;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpMethod;

/**
 * The services' public APIs with the signed-in user's access token: the console sees and does exactly what the API
 * allows that user. A 401 is answered by one refresh and one retry; any other refusal is an
 * {@link ApiRefusedException}. Answers are read from the API envelope ({@code data}, {@code pagination}).
 */
@ApplicationScoped
public class ApiClient {

    private final UpstreamHttp http;
    private final SessionTokens tokens;
    private final ObjectMapper json;

    public ApiClient(UpstreamHttp http, SessionTokens tokens, ObjectMapper json) {
        this.http = http;
        this.tokens = tokens;
        this.json = json;
    }

    /** {@code data} of a GET, as {@code type}. */
    public <T> Uni<T> get(Session session, Upstream upstream, String pathAndQuery, Class<T> type) {
        return send(session, upstream, HttpMethod.GET, pathAndQuery, null, type);
    }

    /** {@code data} of a GET that answers a list, each item as {@code type}. */
    public <T> Uni<List<T>> getList(Session session, Upstream upstream, String pathAndQuery, Class<T> type) {
        return call(session, upstream, HttpMethod.GET, pathAndQuery, null).map(body -> items(body, type));
    }

    /** One page of a collection, each item as {@code type}. */
    public <T> Uni<ApiPage<T>> getPage(Session session, Upstream upstream, String pathAndQuery, Class<T> type) {
        return call(session, upstream, HttpMethod.GET, pathAndQuery, null).map(body -> {
            JsonNode pagination = body.path("pagination");
            List<T> items = items(body, type);
            return new ApiPage<>(items, pagination.path("page").asInt(1), pagination.path("limit").asInt(items.size()),
                    pagination.path("total").asLong(items.size()), pagination.path("pages").asInt(1));
        });
    }

    /** {@code data} of a request with a JSON body ({@code null} for none), as {@code type}. */
    public <T> Uni<T> send(Session session, Upstream upstream, HttpMethod method, String pathAndQuery, Object body,
            Class<T> type) {
        return call(session, upstream, method, pathAndQuery, body).map(answer -> read(answer.path("data"), type));
    }

    /**
     * Like {@link #send}, with an {@code Idempotency-Key}: the API does the request at most once per key and answers a
     * repeat (a form sent twice) with the first answer.
     */
    public <T> Uni<T> sendOnce(Session session, Upstream upstream, HttpMethod method, String pathAndQuery, Object body,
            String idempotencyKey, Class<T> type) {
        return authorized(session, bearer -> http.sendJson(upstream, method, pathAndQuery, bearer, body, idempotencyKey),
                UpstreamHttp.Answer::status)
                .map(answer -> read(succeeded(answer).path("data"), type));
    }

    /** A file (e.g. an invoice's CSV, {@code accept} {@code text/csv}) as the API sends it: bytes, type and name. */
    public Uni<UpstreamHttp.Download> download(Session session, Upstream upstream, String path, String accept) {
        return authorized(session, bearer -> http.download(upstream, path, bearer, accept), UpstreamHttp.Download::status)
                .invoke(download -> {
                    if (download.refused() != null) {
                        throw download.refused().refusal();
                    }
                });
    }

    private Uni<JsonNode> call(Session session, Upstream upstream, HttpMethod method, String pathAndQuery, Object body) {
        return authorized(session, bearer -> http.sendJson(upstream, method, pathAndQuery, bearer, body),
                UpstreamHttp.Answer::status)
                .map(ApiClient::succeeded);
    }

    private static JsonNode succeeded(UpstreamHttp.Answer answer) {
        if (!answer.succeeded()) {
            throw answer.refusal();
        }
        return answer.body();
    }

    /** Sends with the session's access token; a 401 is answered by one refresh and one retry, a second 401 ends it. */
    private <R> Uni<R> authorized(Session session, Function<String, Uni<R>> send, ToIntFunction<R> status) {
        return tokens.current(session)
                .chain(current -> send.apply(current.accessToken())
                        .chain(answer -> status.applyAsInt(answer) == 401 ? retryRefreshed(session, current, send)
                                : Uni.createFrom().item(answer)))
                .invoke(answer -> {
                    if (status.applyAsInt(answer) == 401) {
                        throw new SessionEndedException();
                    }
                });
    }

    private <R> Uni<R> retryRefreshed(Session session, Tokens refused, Function<String, Uni<R>> send) {
        return tokens.refresh(session, refused).chain(fresh -> send.apply(fresh.accessToken()));
    }

    private <T> List<T> items(JsonNode body, Class<T> type) {
        List<T> items = new ArrayList<>();
        for (JsonNode item : body.path("data")) {
            items.add(read(item, type));
        }
        return items;
    }

    private <T> T read(JsonNode node, Class<T> type) {
        try {
            return json.treeToValue(node, type);
        } catch (com.fasterxml.jackson.core.JsonProcessingException | IllegalArgumentException e) {
            throw new IllegalStateException("an API answer does not have the shape the console reads: " + type.getSimpleName(), e);
        }
    }
}
