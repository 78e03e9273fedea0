package dev.mercato.catalog.rate;

import java.math.BigDecimal;
import java.time.LocalDate;

/** The answer of {@code GET /api/v1/exchange-rates/convert}: the amount in both currencies and the rate used. */
public record ConversionResponse(
        String from,
        String to,
        BigDecimal amount,
        BigDecimal convertedAmount,
        LocalDate on,
        RateUsed rate) {

    /** The stored rate applied; {@code inverse} when it is the reverse pair's, divided by. Null id: same currency. */
    public record RateUsed(String id, String baseCurrency, String counterCurrency, BigDecimal rate,
            LocalDate validFrom, boolean inverse) {
    }

    static ConversionResponse of(AppliedRate applied, BigDecimal amount, BigDecimal converted, LocalDate on) {
        return new ConversionResponse(applied.from(), applied.to(), amount, converted, on,
                new RateUsed(applied.rateId(), applied.baseCurrency(), applied.counterCurrency(), applied.rate(),
                        applied.validFrom(), applied.inverse()));
    }
}
