package dev.mercato.console.webhook;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import dev.mercato.console.api.ApiClient;
import dev.mercato.console.api.ApiPage;
import dev.mercato.console.api.PathSegment;
import dev.mercato.console.api.Upstream;
import dev.mercato.console.session.Session;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpMethod;

/** webhook-service's public API as the console's pages use it, always as the signed-in user. */
@ApplicationScoped
public class WebhookApi {

    private static final String WEBHOOKS = "/api/v1/webhooks";

    private final ApiClient api;

    public WebhookApi(ApiClient api) {
        this.api = api;
    }

    /** The first page (up to 100) of endpoints the user may see, newest first. */
    public Uni<ApiPage<Webhook>> webhooks(Session session) {
        return api.getPage(session, Upstream.WEBHOOK, WEBHOOKS + "?limit=100&sort=-createdAt", Webhook.class);
    }

    public Uni<List<EventType>> eventTypes(Session session) {
        return api.getList(session, Upstream.WEBHOOK, WEBHOOKS + "/event-types", EventType.class);
    }

    /** Creates an endpoint of the user's organization; the answer carries its secret, this once. */
    public Uni<Webhook> create(Session session, NewWebhook webhook) {
        return api.send(session, Upstream.WEBHOOK, HttpMethod.POST, WEBHOOKS, webhook, Webhook.class);
    }

    /** Sends a {@code webhook.test} event now and answers with the attempt. */
    public Uni<WebhookTest> test(Session session, String id) {
        return api.send(session, Upstream.WEBHOOK, HttpMethod.POST, WEBHOOKS + "/" + PathSegment.encode(id) + "/test",
                null, WebhookTest.class);
    }

    /** A new secret, shown this once; the previous one keeps signing for the API's default overlap. */
    public Uni<Webhook> rotateSecret(Session session, String id) {
        return api.send(session, Upstream.WEBHOOK, HttpMethod.POST,
                WEBHOOKS + "/" + PathSegment.encode(id) + "/rotate-secret", null, Webhook.class);
    }
}
