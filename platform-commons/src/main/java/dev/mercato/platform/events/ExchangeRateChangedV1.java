package dev.mercato.platform.events;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * A currency exchange rate after it was created or deactivated, as catalog-service publishes it on
 * {@link Topics#CATALOG_EXCHANGE_RATES}, keyed by the rate's id. One unit of {@code baseCurrency} is
 * {@code rate} units of {@code counterCurrency} from {@code validFrom} on, while {@code active}, until a
 * rate of the same pair with a later {@code validFrom} takes over. Rates are never edited.
 */
@RegisterForReflection // read and written by Jackson outside REST (Kafka payloads)
public record ExchangeRateChangedV1(
        String id,
        String baseCurrency,
        String counterCurrency,
        BigDecimal rate,
        LocalDate validFrom,
        boolean active,
        Instant createdAt,
        Instant deactivatedAt,
        long version) {

    public static final String TYPE = "mercato.catalog.exchange-rate.changed.v1";
}
