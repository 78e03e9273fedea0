package dev.mercato.order.subscription;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import jakarta.enterprise.context.ApplicationScoped;

import dev.mercato.platform.persistence.Listings;
import dev.mercato.platform.persistence.Listings.Visibility;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;

/** Subscriptions. */
@ApplicationScoped
public class SubscriptionRepository implements PanacheRepositoryBase<Subscription, String> {

    private static final Sort BY_SERIAL = Sort.by("serialNumber");

    public Uni<Subscription> findBySerial(String serialNumber) {
        return find("serialNumber", serialNumber).firstResult();
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

    public Uni<List<Subscription>> ofTeam(String teamId) {
        return list("teamId", BY_SERIAL, teamId);
    }

    /** A customer's subscriptions of one product ({@link Subscription#productKey}). */
    public Uni<List<Subscription>> ofCustomerProduct(String customerId, String productKey) {
        if (productKey.startsWith("listing:")) {
            return list("customer.id = ?1 and listingId = ?2", BY_SERIAL, customerId,
                    productKey.substring("listing:".length()));
        }
        return list("customer.id = ?1 and listingId is null and renewalSku = ?2", BY_SERIAL, customerId,
                productKey.substring("sku:".length()));
    }

    /**
     * A new serial number, {@code NNN-NNNNNNNN}: a random three-digit prefix and eight digits from a
     * database sequence, which alone keeps them unique.
     */
    public Uni<String> nextSerialNumber() {
        return getSession().chain(session -> session.createNativeQuery("select nextval('serial_number_seq')", Long.class)
                .getSingleResult())
                .map(next -> "%03d-%08d".formatted(ThreadLocalRandom.current().nextInt(100, 1000), next));
    }
}
