package dev.mercato.identity.application;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;

/** Stored OAuth applications. */
@ApplicationScoped
public class ApplicationRepository implements PanacheRepositoryBase<OAuthApplication, String> {
}
