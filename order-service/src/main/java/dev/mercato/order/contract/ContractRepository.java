package dev.mercato.order.contract;

import dev.mercato.platform.persistence.SessionReads;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import dev.mercato.platform.persistence.Listings;
import dev.mercato.platform.persistence.Listings.Visibility;
import dev.mercato.platform.persistence.UniqueLookups;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;

/** Contracts. */
@ApplicationScoped
public class ContractRepository implements PanacheRepositoryBase<Contract, String> {

    public Uni<Contract> findByNumber(String contractNumber) {
        return UniqueLookups.oneOrNull(find("contractNumber", contractNumber));
    }

    /** The contract with this number if {@code visibility} lets the caller see it; null otherwise. */
    public Uni<Contract> findVisible(String contractNumber, Visibility visibility) {
        return Listings.findVisible(this, "contractNumber = :number", Map.of("number", contractNumber), visibility);
    }

    /** A new contract number: 12 digits, from a database sequence, so no two processors share one. */
    public Uni<String> nextNumber() {
        return getSession().chain(session -> SessionReads.row(session, "select nextval('contract_number_seq')"))
                .map(row -> String.valueOf(row[0]));
    }
}
