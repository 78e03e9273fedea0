package dev.mercato.order.catalogmodel;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import dev.mercato.platform.messaging.EventInbox;
import io.smallrye.mutiny.Uni;

/** Reads catalog-service's articles, plans and private offers into the local catalog read models, once per event. */
@ApplicationScoped
public class CatalogEventsConsumer {

    static final String ARTICLES = "order-service.catalog-articles";
    static final String PLANS = "order-service.catalog-plans";
    static final String OFFERS = "order-service.catalog-offers";

    private final EventInbox inbox;
    private final ArticleProjector articles;
    private final PlanProjector plans;
    private final OfferProjector offers;

    public CatalogEventsConsumer(EventInbox inbox, ArticleProjector articles, PlanProjector plans, OfferProjector offers) {
        this.inbox = inbox;
        this.articles = articles;
        this.plans = plans;
        this.offers = offers;
    }

    @Incoming("catalog-articles")
    public Uni<Void> consumeArticle(ConsumerRecord<String, String> record) {
        return inbox.handleOnce(ARTICLES, record, articles::apply);
    }

    @Incoming("catalog-plans")
    public Uni<Void> consumePlan(ConsumerRecord<String, String> record) {
        return inbox.handleOnce(PLANS, record, plans::apply);
    }

    @Incoming("catalog-offers")
    public Uni<Void> consumeOffer(ConsumerRecord<String, String> record) {
        return inbox.handleOnce(OFFERS, record, offers::apply);
    }
}
