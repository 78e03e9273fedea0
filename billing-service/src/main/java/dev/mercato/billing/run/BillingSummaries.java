package dev.mercato.billing.run;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import jakarta.enterprise.context.ApplicationScoped;

import dev.mercato.billing.access.BillingAccess;
import dev.mercato.billing.rating.BillingPeriod;
import dev.mercato.billing.rating.RatedLine;
import dev.mercato.billing.rating.RatingException;
import dev.mercato.billing.summary.BillingSummaryResponse;
import dev.mercato.platform.api.ApiException;
import dev.mercato.platform.security.Caller;
import dev.mercato.pricing.Money;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/** Rates one customer (or one of its subscriptions) for a period, for the billing summary; stores nothing. */
@ApplicationScoped
public class BillingSummaries {

    private final Pool pool;
    private final RatingInputs inputs;
    private final Clock clock;

    public BillingSummaries(Pool pool, RatingInputs inputs, Clock clock) {
        this.pool = pool;
        this.inputs = inputs;
        this.clock = clock;
    }

    /** The summary; 404 when the customer or subscription does not exist or the caller may not see it. */
    public Uni<BillingSummaryResponse> summarize(YearMonth month, String customerId, String subscriptionId, Caller caller) {
        if (month.isAfter(YearMonth.now(clock))) {
            throw ApiException.invalidField("period", "must not be in the future");
        }
        BillingAccess.SqlCondition visible = BillingAccess.sql(caller, "v", 3);
        Tuple parameters = Tuple.of(customerId, subscriptionId);
        visible.parameters().forEach(parameters::addValue);
        return pool.withTransaction(connection -> connection.preparedQuery("""
                select v.* from (
                    select c.id, c.parent_id, c.currency, c.billing_day, """ + BillingAccess.customerPath("c") + """
                         as customer_path
                    from billing_customer c
                    where c.id = coalesce($1, (select s.customer_id from billing_subscription s where s.id = $2))
                      and ($2::text is null or exists (select 1 from billing_subscription s where s.id = $2 and s.customer_id = c.id))
                ) v where """ + visible.sql()).execute(parameters)
                .chain(rows -> {
                    if (rows.rowCount() == 0) {
                        throw customerId != null ? ApiException.notFound("customer", customerId)
                                : ApiException.notFound("subscription", subscriptionId);
                    }
                    Row row = rows.iterator().next();
                    int billingDay = row.getInteger("billing_day");
                    String id = row.getString("id");
                    DueCustomer customer = new DueCustomer(id, row.getString("parent_id") == null ? id : row.getString("parent_id"),
                            row.getString("customer_path"), row.getString("currency"), billingDay,
                            BillingPeriod.of(month, billingDay));
                    return inputs.load(connection, List.of(customer))
                            .chain(loaded -> connection.preparedQuery("""
                                    select id, status from invoice where customer_id = $1 and period = $2""")
                                    .execute(Tuple.of(id, month.toString()))
                                    .map(invoices -> summary(customer, subscriptionId, loaded,
                                            invoices.rowCount() == 0 ? null : invoices.iterator().next())));
                }));
    }

    private static BillingSummaryResponse summary(DueCustomer customer, String subscriptionId, RatingInputs.Loaded loaded,
            Row invoice) {
        List<RatedLine> lines;
        try {
            lines = CustomerRating.rate(customer, loaded).stream()
                    .filter(line -> subscriptionId == null || subscriptionId.equals(line.subscriptionId())).toList();
        } catch (RatingException e) {
            throw new ApiException(422, "The period cannot be rated: " + e.getMessage());
        }
        String currency = customer.currency();
        Map<String, BigDecimal> charges = new TreeMap<>();
        Map<String, BigDecimal> discounts = new TreeMap<>();
        List<BillingSummaryResponse.Usage> usage = new ArrayList<>();
        Money subtotal = Money.zero(currency);
        Money discountTotal = Money.zero(currency);
        Money total = Money.zero(currency);
        for (RatedLine line : lines) {
            charges.merge(line.kind(), line.price().total().amount(), BigDecimal::add);
            if (line.discountId() != null) {
                discounts.merge(line.discountId(), line.price().discount().amount(), BigDecimal::add);
            }
            if (RatedLine.USAGE.equals(line.kind())) {
                usage.add(new BillingSummaryResponse.Usage(line.subscriptionId(), line.dimension(), line.price().quantity(),
                        line.price().total().amount()));
            }
            subtotal = subtotal.plus(line.price().list());
            discountTotal = discountTotal.plus(line.price().discount());
            total = total.plus(line.price().total());
        }
        int scale = subtotal.minorUnits();
        return new BillingSummaryResponse(customer.period().name(), customer.period().start(), customer.period().end(),
                customer.id(), subscriptionId, currency, charges, usage,
                discounts.entrySet().stream().map(entry -> new BillingSummaryResponse.DiscountTotal(entry.getKey(),
                        entry.getValue())).toList(),
                subtotal.amount().setScale(scale), discountTotal.amount().setScale(scale), total.amount().setScale(scale),
                invoice == null ? null : invoice.getString("id"), invoice == null ? null : invoice.getString("status"));
    }
}
