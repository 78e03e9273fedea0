package dev.mercato.billing.creditnote;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;

/** Credit and debit notes, for the list endpoints. */
@ApplicationScoped
public class CreditNoteRepository implements PanacheRepositoryBase<CreditNote, String> {
}
