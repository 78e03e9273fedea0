package dev.mercato.billing.rating;

import java.math.BigDecimal;
import java.time.LocalDate;

import dev.mercato.pricing.LinePrice;

/**
 * One rated line of an invoice, rounded once (by {@link LinePrice}): what was charged, for what, at which
 * price, with the exchange rate and the discount used, and what commissions will need (SKU, SRP and
 * purchase price per unit in the price currency, discount id).
 *
 * @param kind         RECURRING, ONE_TIME or USAGE
 * @param exchangeRate the rate applied (price currency → invoice currency), null without conversion
 * @param rateDate     the day the rate was valid on, null without conversion
 * @param wholesaleAmount the line priced at the channel's purchase prices (before discount, in the invoice
 *                     currency, rounded like the line): the channel margin is {@code list − wholesaleAmount};
 *                     null when the prices have no purchase price
 */
public record RatedLine(String kind, String subscriptionId, String description, String sku, String planId,
        Integer planVersion, String dimension, LocalDate serviceFrom, LocalDate serviceTo, LinePrice price,
        String priceCurrency, BigDecimal exchangeRate, LocalDate rateDate, String discountId, BigDecimal srpPrice,
        BigDecimal purPrice, BigDecimal wholesaleAmount) {

    public static final String RECURRING = "RECURRING";
    public static final String ONE_TIME = "ONE_TIME";
    public static final String USAGE = "USAGE";
}
