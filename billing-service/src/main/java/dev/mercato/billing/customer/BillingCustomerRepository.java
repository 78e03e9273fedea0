package dev.mercato.billing.customer;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;

/** The billing customers read model. */
@ApplicationScoped
public class BillingCustomerRepository implements PanacheRepositoryBase<BillingCustomer, String> {
}
