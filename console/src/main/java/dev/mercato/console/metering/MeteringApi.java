package dev.mercato.console.metering;

import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;

import dev.mercato.console.api.ApiClient;
import dev.mercato.console.api.ApiPage;
import dev.mercato.console.api.ListQuery;
import dev.mercato.console.api.PathSegment;
import dev.mercato.console.api.Upstream;
import dev.mercato.console.session.Session;
import io.smallrye.mutiny.Uni;

/** metering-service's public API as the console's pages use it, always as the signed-in user. */
@ApplicationScoped
public class MeteringApi {

    /** The most rows one usage summary answers. */
    public static final int MAX_ROWS = 1000;

    private final ApiClient api;

    public MeteringApi(ApiClient api) {
        this.api = api;
    }

    /**
     * Usage per customer, subscription and dimension in each {@code granularity} ({@code hour}, {@code day},
     * {@code month}) bucket of [{@code from}, {@code to}); {@code customer} and {@code dimension} narrow it when given.
     */
    public Uni<ApiPage<UsageRow>> usage(Session session, String granularity, Instant from, Instant to, String customer,
            String dimension) {
        ListQuery query = ListQuery.page(1, MAX_ROWS).filter("granularity", granularity).filter("from", from.toString())
                .filter("to", to.toString()).filter("customer", customer).filter("dimension", dimension);
        return api.getPage(session, Upstream.METERING, query.on("/api/v1/usage/summary"), UsageRow.class);
    }

    public Uni<Balances> balances(Session session, String customer) {
        return api.get(session, Upstream.METERING, "/api/v1/balances/" + PathSegment.encode(customer), Balances.class);
    }
}
