package dev.mercato.console.web;

import java.util.List;

import dev.mercato.console.api.PathSegment;
import dev.mercato.console.webhook.Attempt;
import dev.mercato.console.webhook.Delivery;
import dev.mercato.console.webhook.Webhook;

/** An endpoint's delivery log, and one message with its attempts. */
public final class DeliveriesView {

    private DeliveriesView() {
    }

    /**
     * A page of the endpoint's messages with its filters, the replay form (values typed and the API's refusal) and a
     * notice shown once.
     */
    public record Log(Webhook webhook, List<Delivery> deliveries, Pager pager, ListFilters filters, boolean mayWrite,
            String since, boolean failedOnly, FormErrors errors, String notice) {

        /** The log's own page, where its filter sends the browser. */
        public String path() {
            return WebhooksResource.PATH + "/" + PathSegment.encode(webhook.id()) + "/deliveries";
        }

        public List<Choice> statuses() {
            return Choice.among(filters.value("status"), "PENDING", "DELIVERED", "FAILED");
        }
    }

    public record Message(Delivery delivery, List<Attempt> attempts, boolean mayWrite, String notice) {
    }
}
