package dev.mercato.catalog.rate;

import java.time.LocalDate;

import jakarta.enterprise.context.ApplicationScoped;

import dev.mercato.platform.persistence.UniqueLookups;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;

/** Exchange rates, current and historical. */
@ApplicationScoped
public class ExchangeRateRepository implements PanacheRepositoryBase<ExchangeRate, String> {

    /** The active rate of the pair that starts exactly on {@code validFrom}, or null. */
    public Uni<ExchangeRate> activeStarting(String base, String counter, LocalDate validFrom) {
        return UniqueLookups.oneOrNull(find(
                "baseCurrency = ?1 and counterCurrency = ?2 and active = true and validFrom = ?3",
                base, counter, validFrom));
    }
}
