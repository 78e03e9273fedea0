package dev.mercato.metering.balance;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

import jakarta.enterprise.context.ApplicationScoped;

import org.hibernate.reactive.mutiny.Mutiny;

import dev.mercato.platform.events.ArticleChangedV1;
import dev.mercato.platform.events.Topics;
import dev.mercato.platform.events.TokenBalanceV1;
import dev.mercato.platform.events.TransactionChangedV1;
import dev.mercato.platform.outbox.Outbox;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

/**
 * Credits tokens bought through orders. Every line of a processed order is remembered once (its primary key is
 * the order and line), and credited once its article is known: at once when catalog's snapshot of it arrived
 * first, else when it arrives. A line of an article that is not a token pack credits nothing. Runs inside the
 * inbox's transaction of the event that triggers it.
 */
@ApplicationScoped
public class TokenPurchases {

    static final String PROCESSED = "PROCESSED";

    private final Outbox outbox;
    private final BalanceConfig config;

    public TokenPurchases(Outbox outbox, BalanceConfig config) {
        this.outbox = outbox;
        this.config = config;
    }

    /** Keeps the token amount of an article (newer snapshots only), then credits the lines waiting for it. */
    public Uni<Void> articleChanged(ArticleChangedV1 article) {
        return Panache.getSession().chain(session -> lock(session, List.of(article.id())).chain(() -> session.createNativeQuery("""
                insert into token_article (article_id, vendor_id, tokens, source_version)
                values (:id, :vendor, nullif(cast(:tokens as numeric), 0), :version)
                on conflict (article_id) do update set vendor_id = excluded.vendor_id, tokens = excluded.tokens,
                    source_version = excluded.source_version
                where token_article.source_version < excluded.source_version""")
                .setParameter("id", article.id())
                .setParameter("vendor", article.ownerId())
                // no token pack: 0, stored as null (a pack's tokens are always above zero)
                .setParameter("tokens", article.tokens() == null ? BigDecimal.ZERO : article.tokens())
                .setParameter("version", article.version())
                .executeUpdate())
                .chain(() -> credit(session, "c.article_id = :key", article.id())));
    }

    /** Remembers the lines of a processed order once each and credits those whose article is known. */
    public Uni<Void> transactionChanged(TransactionChangedV1 transaction) {
        if (!PROCESSED.equals(transaction.status()) || transaction.items() == null || transaction.items().isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        List<String> articles = transaction.items().stream().map(TransactionChangedV1.ItemV1::articleId)
                .filter(Objects::nonNull).distinct().sorted().toList();
        return Panache.getSession().chain(session -> lock(session, articles).chain(() -> Multi.createFrom()
                .range(0, transaction.items().size())
                .filter(line -> transaction.items().get(line).articleId() != null)
                .onItem().transformToUniAndConcatenate(line -> session.createNativeQuery("""
                        insert into token_credit (transaction_id, line, customer_id, article_id, quantity, state, received_at)
                        values (:transaction, :line, :customer, :article, :quantity, 'PENDING', now())
                        on conflict do nothing""")
                        .setParameter("transaction", transaction.id())
                        .setParameter("line", line)
                        .setParameter("customer", transaction.customerId())
                        .setParameter("article", transaction.items().get(line).articleId())
                        .setParameter("quantity", transaction.items().get(line).quantity())
                        .executeUpdate())
                .collect().last())
                .chain(() -> credit(session, "c.transaction_id = :key", transaction.id())));
    }

    /**
     * Locks {@code articles} (sorted) until the transaction ends. An order's lines and their article's snapshot
     * arriving at once would otherwise each miss the other's uncommitted row and leave the lines PENDING; with
     * the lock the second waits for the first to commit, then sees its row.
     */
    private static Uni<Void> lock(Mutiny.Session session, List<String> articles) {
        return Multi.createFrom().iterable(articles)
                .onItem().transformToUniAndConcatenate(article -> session.createNativeQuery(
                        "select count(*) from pg_advisory_xact_lock(hashtextextended(:article, 7))", Long.class)
                        .setParameter("article", article)
                        .getSingleResult())
                .collect().last()
                .replaceWithVoid();
    }

    /**
     * Settles the PENDING lines matching {@code condition} whose article is known, and adds the tokens of the
     * token packs among them to their balances, one credit notice per order and balance.
     */
    @SuppressWarnings("unchecked")
    private Uni<Void> credit(Mutiny.Session session, String condition, String key) {
        return session.createNativeQuery("""
                with settled as (
                    update token_credit c
                    set state = case when a.tokens is null then 'NOT_TOKENS' else 'CREDITED' end,
                        vendor_id = a.vendor_id, tokens = c.quantity * a.tokens, credited_at = now()
                    from token_article a
                    where a.article_id = c.article_id and c.state = 'PENDING'
                    """ + " and " + condition + """
                    returning c.transaction_id, c.customer_id, c.vendor_id, c.tokens, c.state)
                select transaction_id, customer_id, vendor_id, sum(tokens) from settled
                where state = 'CREDITED' and tokens > 0
                group by transaction_id, customer_id, vendor_id
                order by customer_id, vendor_id, transaction_id""", Object[].class)
                .setParameter("key", key)
                .getResultList()
                .chain(rows -> Multi.createFrom().iterable((List<Object[]>) (List<?>) rows)
                        .onItem().transformToUniAndConcatenate(row -> add(session, (String) row[0], (String) row[1],
                                (String) row[2], (BigDecimal) row[3]))
                        .collect().last())
                .replaceWithVoid();
    }

    /** Adds {@code tokens} to the balance; a balance lifted to the threshold or above is no longer low. */
    @SuppressWarnings("unchecked")
    private Uni<Void> add(Mutiny.Session session, String transactionId, String customerId, String vendorId,
            BigDecimal tokens) {
        return session.createNativeQuery("""
                insert into token_balance as b (customer_id, vendor_id, purchased, updated_at)
                values (:customer, :vendor, :tokens, now())
                on conflict (customer_id, vendor_id) do update set purchased = b.purchased + excluded.purchased,
                    low = b.low and b.purchased + excluded.purchased - b.consumed < :threshold, updated_at = now()
                returning trim_scale(purchased), trim_scale(consumed)""", Object[].class)
                .setParameter("customer", customerId)
                .setParameter("vendor", vendorId)
                .setParameter("tokens", tokens)
                .setParameter("threshold", config.lowThreshold())
                .getSingleResult()
                .chain(row -> {
                    Object[] balance = (Object[]) row;
                    BigDecimal purchased = (BigDecimal) balance[0];
                    BigDecimal consumed = (BigDecimal) balance[1];
                    return outbox.publish(Topics.METERING_BALANCES, customerId, TokenBalanceV1.CREDITED,
                            new TokenBalanceV1(customerId, vendorId, purchased, consumed, purchased.subtract(consumed),
                                    config.lowThreshold(), transactionId, Tokens.exact(tokens), Instant.now()));
                })
                .replaceWithVoid();
    }
}
