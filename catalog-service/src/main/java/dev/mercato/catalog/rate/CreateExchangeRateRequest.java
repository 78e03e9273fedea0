package dev.mercato.catalog.rate;

import java.math.BigDecimal;
import java.time.LocalDate;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * The body of {@code POST /api/v1/exchange-rates}: one unit of {@code baseCurrency} is {@code rate} units of
 * {@code counterCurrency} from {@code validFrom} on (today, UTC, when left out).
 */
public record CreateExchangeRateRequest(
        @NotBlank @Size(max = 3) String baseCurrency,
        @NotBlank @Size(max = 3) String counterCurrency,
        @NotNull BigDecimal rate,
        LocalDate validFrom) {
}
