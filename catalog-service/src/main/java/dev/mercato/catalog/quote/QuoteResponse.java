package dev.mercato.catalog.quote;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * A priced cart: every line with its list price, unit price, discount and total in the quote's currency,
 * each rounded once (half-even, to the currency's minor unit), and the totals, which are the sums of
 * the rounded lines.
 */
public record QuoteResponse(
        String object,
        String currency,
        LocalDate date,
        String priceList,
        String discountCode,
        List<Line> lines,
        Totals totals) {

    /**
     * One priced line: an article, or one price of a plan version (its recurring, one-time or a usage price).
     *
     * @param item          index of the cart item it prices
     * @param priceCurrency the currency the catalogue holds this price in
     * @param exchangeRate  the rate that converted it into the quote's currency; null when no conversion was needed
     * @param unitPrice     the list amount per unit in the quote's currency, exact (a price per API call may be 0.0004)
     */
    public record Line(
            int item,
            String sku,
            String planId,
            Integer version,
            String priceId,
            String costType,
            String dimensionKey,
            String description,
            BigDecimal quantity,
            String priceCurrency,
            Rate exchangeRate,
            BigDecimal unitPrice,
            BigDecimal listPrice,
            String discountId,
            BigDecimal discount,
            BigDecimal total) {
    }

    /** The exchange rate a line was converted with, and the stored rate it is. */
    public record Rate(String id, String baseCurrency, String counterCurrency, BigDecimal rate, LocalDate validFrom,
            boolean inverse) {
    }

    /** Sums of the rounded lines. */
    public record Totals(BigDecimal list, BigDecimal discount, BigDecimal total) {
    }
}
