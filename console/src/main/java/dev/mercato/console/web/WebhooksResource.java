package dev.mercato.console.web;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import dev.mercato.console.api.ApiRefusedException;
import dev.mercato.console.api.ApiUnavailableException;
import dev.mercato.console.api.PathSegment;
import dev.mercato.console.session.Session;
import dev.mercato.console.webhook.EventType;
import dev.mercato.console.webhook.NewWebhook;
import dev.mercato.console.webhook.Webhook;
import dev.mercato.console.webhook.WebhookApi;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.mutiny.Uni;

/**
 * Settings > Integrations > Webhooks: endpoints — list, create with events chosen from the catalogue ("save" or "save
 * and test"), test (the attempt's status and the receiver's answer), rotate the secret (shown exactly once); an
 * endpoint's delivery log (messages with their attempts), redeliver one message, replay the messages since a time.
 */
@Path(WebhooksResource.PATH)
public class WebhooksResource {

    static final String PATH = "/settings/integrations/webhooks";
    private static final Set<String> FORM_FIELDS = Set.of("url", "description", "eventTypes");
    private static final Set<String> REPLAY_FIELDS = Set.of("since", "failedOnly");
    private static final int DELIVERIES_PER_PAGE = 50;
    /** The orders the delivery log offers: the API's sort, then its label; the first is the default. */
    private static final String[] DELIVERY_SORTS = {"-createdAt", "Newest first", "createdAt", "Oldest first",
        "-lastAttemptAt", "Latest attempt first", "-attempts", "Most attempts first"};

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance webhooks(Frame frame, WebhooksView page);

        static native TemplateInstance webhookOutcome(Frame frame, WebhookOutcome outcome);

        static native TemplateInstance deliveries(Frame frame, DeliveriesView.Log page);

        static native TemplateInstance delivery(Frame frame, DeliveriesView.Message page);
    }

    private final WebhookApi webhooks;
    private final CurrentSession current;
    private final Flashes flashes;

    public WebhooksResource(WebhookApi webhooks, CurrentSession current, Flashes flashes) {
        this.webhooks = webhooks;
        this.current = current;
        this.flashes = flashes;
    }

    @GET
    public Uni<Response> list() {
        Session session = current.required();
        return page(session, 200, "", "", Set.of(), FormErrors.NONE, flashes.takeNotice(session));
    }

    /** {@code action=test} saves and then sends the test event; anything else only saves. */
    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Uni<Response> create(@FormParam("url") String url, @FormParam("description") String description,
            @FormParam("eventTypes") List<String> eventTypes, @FormParam("action") String action) {
        Session session = current.required();
        String typedUrl = url == null ? "" : url.strip();
        String typedDescription = description == null ? "" : description.strip();
        Set<String> chosen = eventTypes == null ? Set.of() : new LinkedHashSet<>(eventTypes);
        NewWebhook wanted = new NewWebhook(typedUrl, typedDescription.isEmpty() ? null : typedDescription,
                chosen.isEmpty() ? null : List.copyOf(chosen));
        return webhooks.create(session, wanted)
                .chain(created -> "test".equals(action) ? tested(session, created)
                        : Uni.createFrom().item(new WebhookOutcome(created.id(), created, null, null)))
                .map(outcome -> outcomePage(session, outcome))
                .onFailure(FormErrors::invalidInput).recoverWithUni(failure -> page(session, 400, typedUrl,
                        typedDescription, chosen, FormErrors.of((ApiRefusedException) failure, FORM_FIELDS), null));
    }

    @POST
    @Path("{id}/test")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Uni<Response> test(@PathParam("id") String id, @FormParam(CsrfFilter.FIELD) String csrf) {
        Session session = current.required();
        return webhooks.test(session, id).map(test -> outcomePage(session, new WebhookOutcome(id, null, test, null)));
    }

    @POST
    @Path("{id}/rotate-secret")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Uni<Response> rotate(@PathParam("id") String id, @FormParam(CsrfFilter.FIELD) String csrf) {
        Session session = current.required();
        return webhooks.rotateSecret(session, id)
                .map(rotated -> outcomePage(session, new WebhookOutcome(rotated.id(), rotated, null, null)));
    }

    @GET
    @Path("{id}/outcome")
    public Uni<Response> outcome(@PathParam("id") String id) {
        Session session = current.required();
        WebhookOutcome outcome = flashes.take(session, outcomeKey(id), WebhookOutcome.class);
        return Html.page(200, Templates.webhookOutcome(Frame.of("Webhook endpoint", session), outcome));
    }

    /** The endpoint's delivery log: its messages, filtered and in the order chosen; redeliver and replay for a writer. */
    @GET
    @Path("{id}/deliveries")
    public Uni<Response> deliveries(@PathParam("id") String id, @QueryParam("status") String status,
            @QueryParam("eventType") String eventType, @QueryParam("createdAt") String createdSince,
            @QueryParam("sort") String sort, @QueryParam("page") Integer page) {
        Session session = current.required();
        ListFilters filters = ListFilters.sortedBy(sort, page, DELIVERY_SORTS).perPage(DELIVERIES_PER_PAGE)
                .equal("status", status).equal("eventType", eventType).from("createdAt", createdSince);
        return deliveryLog(session, 200, id, filters, "", false, FormErrors.NONE, flashes.takeNotice(session));
    }

    @GET
    @Path("deliveries/{deliveryId}")
    public Uni<Response> delivery(@PathParam("deliveryId") String deliveryId) {
        Session session = current.required();
        String notice = flashes.takeNotice(session);
        return webhooks.delivery(session, deliveryId).chain(delivery -> webhooks.attempts(session, deliveryId)
                .chain(attempts -> Html.page(200, Templates.delivery(Frame.of("Delivery " + deliveryId, session),
                        new DeliveriesView.Message(delivery, attempts.items(), session.claims().may("write:webhooks"),
                                notice)))));
    }

    @POST
    @Path("deliveries/{deliveryId}/redeliver")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Uni<Response> redeliver(@PathParam("deliveryId") String deliveryId, @FormParam(CsrfFilter.FIELD) String csrf) {
        Session session = current.required();
        return webhooks.redeliver(session, deliveryId).map(requeued -> {
            flashes.notice(session, requeued.queued() == 0 ? "The message is already on its way: it was not queued again."
                    : "The message is queued to be sent again, with the same webhook-id.");
            return Html.seeOther(PATH + "/deliveries/" + PathSegment.encode(deliveryId));
        });
    }

    /** Sends again the endpoint's messages since a time (as typed; the API says what it must look like). */
    @POST
    @Path("{id}/replay")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Uni<Response> replay(@PathParam("id") String id, @FormParam("since") String since,
            @FormParam("failedOnly") String failedOnly) {
        Session session = current.required();
        String typedSince = since == null ? "" : since.strip();
        boolean onlyFailed = "true".equals(failedOnly);
        return webhooks.replay(session, id, typedSince, onlyFailed).map(requeued -> {
            flashes.notice(session, requeued.queued() + (requeued.queued() == 1 ? " message is" : " messages are")
                    + " queued to be sent again.");
            return Html.seeOther(PATH + "/" + PathSegment.encode(id) + "/deliveries");
        }).onFailure(FormErrors::invalidInput).recoverWithUni(failure -> deliveryLog(session, 400, id,
                ListFilters.sortedBy(null, 1, DELIVERY_SORTS).perPage(DELIVERIES_PER_PAGE), typedSince,
                onlyFailed, FormErrors.of((ApiRefusedException) failure, REPLAY_FIELDS), null));
    }

    private Uni<Response> deliveryLog(Session session, int httpStatus, String id, ListFilters filters, String since,
            boolean failedOnly, FormErrors errors, String notice) {
        String path = PATH + "/" + PathSegment.encode(id) + "/deliveries";
        return webhooks.webhook(session, id).chain(webhook -> filters.fetch(query -> webhooks.deliveries(session, id, query))
                .chain(found -> Html.page(filters.status(httpStatus), Templates.deliveries(Frame.of("Delivery log", session),
                        new DeliveriesView.Log(webhook, found.items(), filters.pager(path, found), filters,
                                session.claims().may("write:webhooks"), since, failedOnly, errors, notice)))));
    }

    /** The endpoint was saved: its secret must reach the page even when the test cannot run. */
    private Uni<WebhookOutcome> tested(Session session, Webhook created) {
        return webhooks.test(session, created.id())
                .map(test -> new WebhookOutcome(created.id(), created, test, null))
                .onFailure(ApiRefusedException.class).recoverWithItem(failure -> new WebhookOutcome(created.id(), created,
                        null, failure.getMessage()))
                .onFailure(ApiUnavailableException.class).recoverWithItem(failure -> new WebhookOutcome(created.id(),
                        created, null, failure.getMessage() + "; the endpoint is saved, send the test again later."));
    }

    private Response outcomePage(Session session, WebhookOutcome outcome) {
        flashes.put(session, outcomeKey(outcome.webhookId()), outcome);
        return Html.seeOther(PATH + "/" + PathSegment.encode(outcome.webhookId()) + "/outcome");
    }

    private Uni<Response> page(Session session, int status, String url, String description, Set<String> chosenTypes,
            FormErrors errors, String notice) {
        boolean mayWrite = session.claims().may("write:webhooks");
        Uni<List<EventType>> catalogue = mayWrite ? webhooks.eventTypes(session) : Uni.createFrom().item(List.of());
        return webhooks.webhooks(session).chain(endpoints -> catalogue.chain(eventTypes -> {
            List<Choice> types = eventTypes.stream()
                    .map(type -> new Choice(type.name(), type.name(), type.description(), chosenTypes.contains(type.name())))
                    .toList();
            WebhooksView view = new WebhooksView(endpoints.items(), endpoints.total(), mayWrite, types, url, description,
                    errors, notice);
            return Html.page(status, Templates.webhooks(Frame.of("Webhooks", session), view));
        }));
    }

    private static String outcomeKey(String id) {
        return "webhook-outcome:" + id;
    }
}
