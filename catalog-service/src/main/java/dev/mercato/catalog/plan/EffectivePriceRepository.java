package dev.mercato.catalog.plan;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;

/** The effective prices of plans and articles, as {@code /pricing} lists them. */
@ApplicationScoped
public class EffectivePriceRepository implements PanacheRepositoryBase<EffectivePrice, String> {
}
