package dev.mercato.catalog.offer;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;

/** Private offers. */
@ApplicationScoped
public class PrivateOfferRepository implements PanacheRepositoryBase<PrivateOffer, String> {
}
