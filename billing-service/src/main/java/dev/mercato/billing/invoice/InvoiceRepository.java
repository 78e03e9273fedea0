package dev.mercato.billing.invoice;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;

/** Invoice headers, for the list endpoints. */
@ApplicationScoped
public class InvoiceRepository implements PanacheRepositoryBase<Invoice, String> {
}
