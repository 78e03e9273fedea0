package dev.mercato.billing.commission;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;

/** Commission ledger entries, for the list endpoints. */
@ApplicationScoped
public class CommissionEntryRepository implements PanacheRepositoryBase<CommissionEntry, String> {
}
