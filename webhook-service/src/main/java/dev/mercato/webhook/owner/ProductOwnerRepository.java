package dev.mercato.webhook.owner;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;

/** Owners of listings and articles. */
@ApplicationScoped
public class ProductOwnerRepository implements PanacheRepositoryBase<ProductOwner, String> {
}
