package dev.mercato.identity.audit;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;

/** Stored audit events. */
@ApplicationScoped
public class AuditEventRepository implements PanacheRepositoryBase<AuditEvent, String> {
}
