package dev.mercato.catalog.quote;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import dev.mercato.catalog.article.OrderType;

/**
 * The body of {@code POST /api/v1/pricing/quote}: a cart of articles (by SKU) and published plan versions,
 * priced in one currency on one date.
 *
 * @param date         the day prices, orderable windows, exchange rates and discounts are taken on; today (UTC) if absent
 * @param priceList    {@code PUR} (purchase price, what the ordering reseller pays; the default) or {@code SRP}
 * @param discountCode a discount code of the vendor (or the platform) whose items it covers
 */
public record QuoteRequest(
        @NotBlank @Pattern(regexp = "[A-Za-z]{3}", message = "must be an ISO 4217 code such as eur") String currency,
        LocalDate date,
        @Pattern(regexp = "PUR|SRP", message = "must be PUR or SRP") String priceList,
        @Size(min = 4, max = 103) String discountCode,
        @NotEmpty @Size(max = QuoteRequest.MAX_ITEMS) List<@Valid @NotNull Item> items) {

    static final int MAX_ITEMS = 100;

    /**
     * An article ({@code sku}, with a whole {@code quantity}) or a plan version ({@code planId} and
     * {@code version}; {@code quantity} is the seats or units of its recurring and one-time prices, 1 if
     * absent; {@code usage} the quantity per listing dimension of its usage prices).
     */
    public record Item(
            @Size(min = 1, max = 35) String sku,
            OrderType orderType,
            @Size(min = 1, max = 64) String planId,
            @Min(1) @Max(100000) Integer version,
            @DecimalMin("0") @DecimalMax("1000000000") BigDecimal quantity,
            @Size(max = 50) Map<@NotBlank @Size(max = 64) String, @NotNull @DecimalMin("0") @DecimalMax("1000000000") BigDecimal> usage) {
    }
}
