package dev.mercato.console.webhook;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import dev.mercato.console.api.ApiClient;
import dev.mercato.console.api.ApiPage;
import dev.mercato.console.api.ListQuery;
import dev.mercato.console.api.PathSegment;
import dev.mercato.console.api.Upstream;
import dev.mercato.console.session.Session;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpMethod;

/** webhook-service's public API as the console's pages use it, always as the signed-in user. */
@ApplicationScoped
public class WebhookApi {

    private static final String WEBHOOKS = "/api/v1/webhooks";
    private static final String DELIVERIES = WEBHOOKS + "/deliveries/";

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

    /** One endpoint, never its secret. */
    public Uni<Webhook> webhook(Session session, String id) {
        return api.get(session, Upstream.WEBHOOK, WEBHOOKS + "/" + PathSegment.encode(id), Webhook.class);
    }

    /** A page of the endpoint's messages (its delivery log); {@code query} is the list's query string. */
    public Uni<ApiPage<Delivery>> deliveries(Session session, String id, String query) {
        return api.getPage(session, Upstream.WEBHOOK, WEBHOOKS + "/" + PathSegment.encode(id) + "/deliveries" + query,
                Delivery.class);
    }

    public Uni<Delivery> delivery(Session session, String deliveryId) {
        return api.get(session, Upstream.WEBHOOK, DELIVERIES + PathSegment.encode(deliveryId), Delivery.class);
    }

    /** The message's attempts, oldest first (up to 100: a message is retried far fewer times). */
    public Uni<ApiPage<Attempt>> attempts(Session session, String deliveryId) {
        return api.getPage(session, Upstream.WEBHOOK,
                ListQuery.page(1, 100).on(DELIVERIES + PathSegment.encode(deliveryId) + "/attempts"), Attempt.class);
    }

    /** Sends a delivered or failed message again, with the same {@code webhook-id}. */
    public Uni<Requeued> redeliver(Session session, String deliveryId) {
        return api.send(session, Upstream.WEBHOOK, HttpMethod.POST, DELIVERIES + PathSegment.encode(deliveryId) + "/redeliver",
                null, Requeued.class);
    }

    /** Sends again every message of the endpoint created since {@code since} (as typed), or only the failed ones. */
    public Uni<Requeued> replay(Session session, String id, String since, boolean failedOnly) {
        ListQuery query = ListQuery.parameters().filter("since", since).filter("failedOnly", failedOnly ? "true" : null);
        return api.send(session, Upstream.WEBHOOK, HttpMethod.POST,
                query.on(WEBHOOKS + "/" + PathSegment.encode(id) + "/replay"), null, Requeued.class);
    }
}
