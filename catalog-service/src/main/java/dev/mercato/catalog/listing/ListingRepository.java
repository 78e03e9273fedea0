package dev.mercato.catalog.listing;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;

/** Listings, with their dimensions. */
@ApplicationScoped
public class ListingRepository implements PanacheRepositoryBase<Listing, String> {
}
