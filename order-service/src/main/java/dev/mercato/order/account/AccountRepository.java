package dev.mercato.order.account;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;

/** The accounts read model. */
@ApplicationScoped
public class AccountRepository implements PanacheRepositoryBase<Account, String> {
}
