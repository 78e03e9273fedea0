package dev.mercato.order.subscription;

import dev.mercato.platform.persistence.SessionReads;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import jakarta.enterprise.context.ApplicationScoped;

import dev.mercato.platform.persistence.Listings;
import dev.mercato.platform.persistence.Listings.Visibility;
import dev.mercato.platform.persistence.UniqueLookups;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;

/** Subscriptions. */
@ApplicationScoped
public class SubscriptionRepository implements PanacheRepositoryBase<Subscription, String> {

    private static final Sort BY_SERIAL = Sort.by("serialNumber");

    public Uni<Subscription> findBySerial(String serialNumber) {
        return UniqueLookups.oneOrNull(find("serialNumber", serialNumber));
    }

    /** The subscription with this serial number if {@code visibility} lets the caller see it; null otherwise. */
    public Uni<Subscription> findVisible(String serialNumber, Visibility visibility) {
        return Listings.findVisible(this, "serialNumber = :serial", Map.of("serial", serialNumber), visibility);
    }

    public Uni<List<Subscription>> ofContract(String contractId) {
        return list("contractId", BY_SERIAL, contractId);
    }

    /** The subscriptions listed by an opportunity that are still in force (not retired). */
    public Uni<List<Subscription>> ofOpportunity(String opportunityNumber) {
        return list("opportunityNumber = ?1 and retiredAt is null", BY_SERIAL, opportunityNumber);
    }

    /** A contract's subscriptions in force that end on {@code endDate}: what an opportunity for that date renews. */
    public Uni<List<Subscription>> endingOn(String contractId, LocalDate endDate) {
        return list("contractId = ?1 and endDate = ?2 and retiredAt is null", BY_SERIAL, contractId, endDate);
    }

    /**
     * Team {@code teamId}'s totals, summed in the database: a team can hold thousands of subscriptions, which
     * loaded as entities would make every later flush of the session check them all.
     */
    public Uni<TeamTotals> teamTotals(String teamId) {
        return aggregate("""
                select coalesce(sum(seats) filter (where status = 'ACTIVE'), 0)::int,
                       (count(*) filter (where status = 'ACTIVE'))::int,
                       max(end_date) filter (where retired_at is null)
                from subscription where team_id = $1""", teamId)
                .map(row -> new TeamTotals(((Number) row[0]).intValue(), ((Number) row[1]).intValue(), (LocalDate) row[2]));
    }

    /** A team's active seats and active subscriptions, and the latest end date of those in force (or null). */
    public record TeamTotals(int seats, int activeSubscriptions, LocalDate latestEndDate) {
    }

    /**
     * What a customer's subscriptions of one product ({@link Subscription#productKey}) add up to, computed in
     * the database for the same reason as {@link #teamTotals}: the subscriptions in force (all of them when
     * none is), the latest of those (by creation, then serial number) naming the product, and over all of
     * them the active seats and whether any is active or in force. Null when the customer has none.
     */
    public Uni<ProductTotals> productTotals(String customerId, String productKey) {
        boolean listing = productKey.startsWith("listing:");
        String product = listing ? "listing_id = $2" : "listing_id is null and renewal_sku = $2";
        return aggregate("""
                with mine as (select * from subscription where customer_id = $1 and %s),
                basis as (select * from mine where status <> 'EXPIRED'
                          union all
                          select * from mine where not exists (select 1 from mine where status <> 'EXPIRED')),
                latest as (select listing_id, renewal_sku, description from basis
                           order by created_at desc, serial_number limit 1)
                select (select count(*) from mine)::int,
                       (select listing_id from latest), (select renewal_sku from latest), (select description from latest),
                       (select coalesce(string_agg(distinct key, ',' order by key), '')
                          from basis, jsonb_array_elements_text(basis.dimensions -> 'keys') key),
                       (select coalesce(sum(seats), 0) from mine where status = 'ACTIVE')::int,
                       (select count(*) from mine where status = 'ACTIVE')::int,
                       (select count(*) from mine where status <> 'EXPIRED')::int,
                       (select min(start_date) from basis), (select max(end_date) from basis),
                       (select string_agg(serial_number, ',' order by serial_number) from basis)""".formatted(product),
                customerId, productKey.substring(productKey.indexOf(':') + 1))
                .map(row -> ((Number) row[0]).intValue() == 0 ? null : new ProductTotals((String) row[1], (String) row[2],
                        (String) row[3], split((String) row[4]), ((Number) row[5]).intValue(),
                        ((Number) row[6]).intValue() > 0, ((Number) row[7]).intValue() > 0, (LocalDate) row[8],
                        (LocalDate) row[9], split((String) row[10])));
    }

    /**
     * A customer's subscriptions of one product, added up.
     *
     * @param listingId   the latest one's listing (null for an article without one)
     * @param renewalSku  the latest one's SKU
     * @param dimensions  every dimension key of the basis, sorted
     * @param activeSeats seats of the ACTIVE ones
     * @param serials     serial numbers of the basis, sorted
     */
    public record ProductTotals(String listingId, String renewalSku, String description, List<String> dimensions,
            int activeSeats, boolean anyActive, boolean anyInForce, LocalDate startDate, LocalDate endDate,
            List<String> serials) {
    }

    private static List<String> split(String joined) {
        return joined == null || joined.isEmpty() ? List.of() : List.of(joined.split(","));
    }

    /** One row of an aggregate query, after flushing the session so the statuses it sums are current. */
    private Uni<Object[]> aggregate(String sql, Object... parameters) {
        return getSession().chain(session -> session.flush().chain(() -> SessionReads.row(session, sql, parameters)));
    }

    /**
     * A new serial number, {@code NNN-NNNNNNNN}: a random three-digit prefix and eight digits from a
     * database sequence, which alone keeps them unique.
     */
    public Uni<String> nextSerialNumber() {
        return getSession().chain(session -> SessionReads.row(session, "select nextval('serial_number_seq')"))
                .map(row -> "%03d-%08d".formatted(ThreadLocalRandom.current().nextInt(100, 1000), (Long) row[0]));
    }
}
