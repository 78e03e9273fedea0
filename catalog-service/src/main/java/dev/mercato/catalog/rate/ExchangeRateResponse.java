package dev.mercato.catalog.rate;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/** An exchange rate as the API shows it. */
public record ExchangeRateResponse(
        String id,
        String object,
        String baseCurrency,
        String counterCurrency,
        BigDecimal rate,
        LocalDate validFrom,
        boolean active,
        Instant createdAt,
        Instant deactivatedAt,
        long version) {

    static ExchangeRateResponse of(ExchangeRate rate) {
        return new ExchangeRateResponse(rate.id, "exchange_rate", rate.baseCurrency, rate.counterCurrency, rate.rate,
                rate.validFrom, rate.active, rate.createdAt, rate.deactivatedAt, rate.version);
    }
}
