package dev.mercato.metering.balance;

import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.mercato.platform.events.ArticleChangedV1;
import dev.mercato.platform.events.TransactionChangedV1;
import dev.mercato.platform.messaging.EventInbox;
import dev.mercato.platform.messaging.IncomingEvent;
import dev.mercato.platform.messaging.PoisonEventException;
import io.smallrye.mutiny.Uni;

/**
 * The two inputs of token credits, each through the inbox (an event applied once): catalog's articles (which
 * are token packs, and how many tokens) and order-service's transactions (which were processed, and what they
 * bought).
 */
@ApplicationScoped
public class TokenPurchaseConsumers {

    static final String ARTICLES = "metering-service.balance-articles";
    static final String TRANSACTIONS = "metering-service.balance-transactions";
    private static final Set<String> NOT_CREDITED = Set.of("PENDING", "PROCESSING", "REJECTED", "STUCK");

    private final EventInbox inbox;
    private final TokenPurchases purchases;
    private final ObjectMapper json;

    public TokenPurchaseConsumers(EventInbox inbox, TokenPurchases purchases, ObjectMapper json) {
        this.inbox = inbox;
        this.purchases = purchases;
        this.json = json;
    }

    @Incoming("balance-articles")
    public Uni<Void> article(ConsumerRecord<String, String> record) {
        return inbox.handleOnce(ARTICLES, record, this::applyArticle);
    }

    @Incoming("balance-transactions")
    public Uni<Void> transaction(ConsumerRecord<String, String> record) {
        return inbox.handleOnce(TRANSACTIONS, record, TokenPurchaseConsumers::mayCredit, this::applyTransaction);
    }

    /**
     * False for a transaction snapshot that credits nothing for certain: one not yet PROCESSED, or REJECTED or STUCK.
     * Two of each order's three snapshots are so, and pass without a database transaction.
     */
    static boolean mayCredit(IncomingEvent event) {
        if (!TransactionChangedV1.TYPE.equals(event.type())) {
            return true;
        }
        String status = event.data().path("status").asText();
        return !NOT_CREDITED.contains(status);
    }

    private Uni<Void> applyArticle(IncomingEvent event) {
        if (!ArticleChangedV1.TYPE.equals(event.type())) {
            return Uni.createFrom().voidItem();
        }
        ArticleChangedV1 article = event.dataAs(ArticleChangedV1.class, json);
        if (article.id() == null || article.ownerId() == null || (article.tokens() != null && article.tokens().signum() <= 0)) {
            throw new PoisonEventException("article event " + event.id() + " lacks an id or owner, or has tokens <= 0");
        }
        return purchases.articleChanged(article);
    }

    private Uni<Void> applyTransaction(IncomingEvent event) {
        if (!TransactionChangedV1.TYPE.equals(event.type())) {
            return Uni.createFrom().voidItem();
        }
        TransactionChangedV1 transaction = event.dataAs(TransactionChangedV1.class, json);
        if (transaction.id() == null || transaction.customerId() == null || transaction.status() == null) {
            throw new PoisonEventException("transaction event " + event.id() + " lacks an id, customer or status");
        }
        return purchases.transactionChanged(transaction);
    }
}
