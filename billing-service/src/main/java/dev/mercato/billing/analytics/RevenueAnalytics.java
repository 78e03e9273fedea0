package dev.mercato.billing.analytics;

import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import dev.mercato.billing.access.BillingAccess;
import dev.mercato.billing.rating.RatingException;
import dev.mercato.billing.run.RatingInputs;
import dev.mercato.platform.api.ApiException;
import dev.mercato.platform.security.Caller;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Recurring revenue of the customers in the caller's subtree (or in {@code customerId}'s), computed now from the
 * read models; stores nothing.
 */
@ApplicationScoped
public class RevenueAnalytics {

    private static final String DEFAULT_CURRENCY = "eur";
    private static final String CUSTOMER_PATH = BillingAccess.customerPath("c");

    private final Pool pool;
    private final RatingInputs inputs;

    public RevenueAnalytics(Pool pool, RatingInputs inputs) {
        this.pool = pool;
        this.inputs = inputs;
    }

    /**
     * The revenue of {@code range}; {@code currency} null means the caller organization's currency (eur when billing
     * does not know it). 404 when {@code customerId} is given and the caller may not see it.
     */
    public Uni<RevenueResponse> revenue(RevenueRange range, String currency, String customerId, Caller caller) {
        return pool.withTransaction(connection -> subtree(connection, customerId, caller)
                .chain(path -> customers(connection, path))
                .chain(customers -> reportingCurrency(connection, currency, caller)
                        .chain(reporting -> inputs.withoutUsage(connection,
                                customers.stream().map(MonthlyRevenue.Customer::id).toArray(String[]::new))
                                .map(loaded -> new RevenueResponse(range.from().toString(), range.to().toString(), reporting,
                                        customerId, months(range, reporting, customers, loaded))))));
    }

    private static List<RevenueResponse.Month> months(RevenueRange range, String reporting,
            List<MonthlyRevenue.Customer> customers, RatingInputs.Loaded loaded) {
        try {
            return MonthlyRevenue.compute(range, reporting, customers, loaded);
        } catch (RatingException e) {
            throw new ApiException(422, "The revenue cannot be computed: " + e.getMessage());
        }
    }

    /** The path whose subtree counts: the caller's, or that of {@code customerId} when the caller sees it. */
    private static Uni<String> subtree(SqlConnection connection, String customerId, Caller caller) {
        if (customerId == null) {
            return Uni.createFrom().item(caller.organizationPath());
        }
        BillingAccess.SqlCondition visible = BillingAccess.sql(caller, "v", 2);
        Tuple parameters = Tuple.of(customerId);
        visible.parameters().forEach(parameters::addValue);
        return connection.preparedQuery("select v.customer_path from (select " + CUSTOMER_PATH
                + " as customer_path from billing_customer c where c.id = $1) v where " + visible.sql())
                .execute(parameters)
                .map(rows -> {
                    if (rows.rowCount() == 0) {
                        throw ApiException.notFound("customer", customerId);
                    }
                    return rows.iterator().next().getString("customer_path");
                });
    }

    private static Uni<List<MonthlyRevenue.Customer>> customers(SqlConnection connection, String path) {
        BillingAccess.SqlCondition below = BillingAccess.sqlOnPath(path, "v.customer_path", 1);
        return connection.preparedQuery("select v.id, v.currency, v.billing_day from (select c.id, c.currency, c.billing_day, "
                + CUSTOMER_PATH + " as customer_path from billing_customer c) v where " + below.sql() + " order by v.id")
                .execute(Tuple.from(below.parameters()))
                .map(rows -> {
                    List<MonthlyRevenue.Customer> customers = new ArrayList<>();
                    for (Row row : rows) {
                        customers.add(new MonthlyRevenue.Customer(row.getString("id"), row.getString("currency"),
                                row.getInteger("billing_day")));
                    }
                    return customers;
                });
    }

    private static Uni<String> reportingCurrency(SqlConnection connection, String currency, Caller caller) {
        if (currency != null) {
            return Uni.createFrom().item(currency);
        }
        return connection.preparedQuery("select currency from billing_customer where id = $1")
                .execute(Tuple.of(caller.organizationId()))
                .map(rows -> rows.rowCount() == 0 ? DEFAULT_CURRENCY
                        : rows.iterator().next().getString("currency").toLowerCase(java.util.Locale.ROOT));
    }
}
