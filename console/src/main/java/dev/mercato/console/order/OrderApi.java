package dev.mercato.console.order;

import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import dev.mercato.console.api.ApiClient;
import dev.mercato.console.api.ApiPage;
import dev.mercato.console.api.PathSegment;
import dev.mercato.console.api.Upstream;
import dev.mercato.console.session.Session;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpMethod;

/** order-service's public API as the console's pages use it, always as the signed-in user. */
@ApplicationScoped
public class OrderApi {

    private static final String TRANSACTIONS = "/api/v1/transactions";

    private final ApiClient api;

    public OrderApi(ApiClient api) {
        this.api = api;
    }

    /**
     * Places an order of {@code type} with the payload as typed, once per {@code formKey} (the order form's own key: a
     * form sent twice places one order); the answer is the transaction, PENDING.
     */
    public Uni<Transaction> place(Session session, String type, Map<String, Object> order, String formKey) {
        return api.sendOnce(session, Upstream.ORDER, HttpMethod.POST, TRANSACTIONS + "?type=" + PathSegment.encode(type),
                order, formKey, Transaction.class);
    }

    /** What placing the order would do, with nothing stored. */
    public Uni<DryRun> dryRun(Session session, String type, Map<String, Object> order) {
        return api.send(session, Upstream.ORDER, HttpMethod.POST,
                TRANSACTIONS + "?type=" + PathSegment.encode(type) + "&dryRun=true", order, DryRun.class);
    }

    /** Runs a STUCK transaction again: it is PENDING again, and its effect is applied at most once. */
    public Uni<Transaction> retry(Session session, String id) {
        return api.send(session, Upstream.ORDER, HttpMethod.POST, TRANSACTIONS + "/" + PathSegment.encode(id) + "/retry",
                null, Transaction.class);
    }

    public Uni<Transaction> transaction(Session session, String id) {
        return api.get(session, Upstream.ORDER, TRANSACTIONS + "/" + PathSegment.encode(id), Transaction.class);
    }

    /** A page of transactions; {@code query} is the list's query string ({@code ?page=…&sort=…&…}). */
    public Uni<ApiPage<Transaction>> transactions(Session session, String query) {
        return api.getPage(session, Upstream.ORDER, TRANSACTIONS + query, Transaction.class);
    }

    public Uni<ApiPage<Contract>> contracts(Session session, String query) {
        return api.getPage(session, Upstream.ORDER, "/api/v1/contracts" + query, Contract.class);
    }

    public Uni<ApiPage<Subscription>> subscriptions(Session session, String query) {
        return api.getPage(session, Upstream.ORDER, "/api/v1/subscriptions" + query, Subscription.class);
    }

    public Uni<ApiPage<Opportunity>> opportunities(Session session, String query) {
        return api.getPage(session, Upstream.ORDER, "/api/v1/opportunities" + query, Opportunity.class);
    }
}
