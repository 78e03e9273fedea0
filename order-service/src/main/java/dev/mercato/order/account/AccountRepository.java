package dev.mercato.order.account;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;

/** The accounts read model (lists and dumps; one account by id is read by {@link AccountRows}). */
@ApplicationScoped
public class AccountRepository implements PanacheRepositoryBase<Account, String> {
}
