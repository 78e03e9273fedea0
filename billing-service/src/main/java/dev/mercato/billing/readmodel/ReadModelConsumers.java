package dev.mercato.billing.readmodel;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import dev.mercato.platform.messaging.EventInbox;
import io.smallrye.mutiny.Uni;

/**
 * Reads every topic rating needs into billing's read models, once per event: subscriptions, plans,
 * articles, discounts, exchange rates and hourly usage aggregates.
 */
@ApplicationScoped
public class ReadModelConsumers {

    static final String SUBSCRIPTIONS = "billing-service.subscriptions";
    static final String PLANS = "billing-service.plans";
    static final String ARTICLES = "billing-service.articles";
    static final String DISCOUNTS = "billing-service.discounts";
    static final String EXCHANGE_RATES = "billing-service.exchange-rates";
    static final String USAGE = "billing-service.usage";

    private final EventInbox inbox;
    private final SubscriptionProjector subscriptions;
    private final PlanProjector plans;
    private final ArticleProjector articles;
    private final DiscountProjector discounts;
    private final ExchangeRateProjector rates;
    private final UsageAggregateProjector usage;

    public ReadModelConsumers(EventInbox inbox, SubscriptionProjector subscriptions, PlanProjector plans,
            ArticleProjector articles, DiscountProjector discounts, ExchangeRateProjector rates,
            UsageAggregateProjector usage) {
        this.inbox = inbox;
        this.subscriptions = subscriptions;
        this.plans = plans;
        this.articles = articles;
        this.discounts = discounts;
        this.rates = rates;
        this.usage = usage;
    }

    @Incoming("orders-subscriptions")
    public Uni<Void> consumeSubscription(ConsumerRecord<String, String> record) {
        return inbox.handleOnce(SUBSCRIPTIONS, record, subscriptions::apply);
    }

    @Incoming("catalog-plans")
    public Uni<Void> consumePlan(ConsumerRecord<String, String> record) {
        return inbox.handleOnce(PLANS, record, plans::apply);
    }

    @Incoming("catalog-articles")
    public Uni<Void> consumeArticle(ConsumerRecord<String, String> record) {
        return inbox.handleOnce(ARTICLES, record, articles::apply);
    }

    @Incoming("catalog-discounts")
    public Uni<Void> consumeDiscount(ConsumerRecord<String, String> record) {
        return inbox.handleOnce(DISCOUNTS, record, discounts::apply);
    }

    @Incoming("catalog-exchange-rates")
    public Uni<Void> consumeExchangeRate(ConsumerRecord<String, String> record) {
        return inbox.handleOnce(EXCHANGE_RATES, record, rates::apply);
    }

    @Incoming("metering-aggregates")
    public Uni<Void> consumeUsage(ConsumerRecord<String, String> record) {
        return inbox.handleOnce(USAGE, record, usage::apply);
    }
}
