package dev.mercato.billing.invoice;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * One line of an invoice: what was charged and how — the quantity, the exact unit price, the list amount,
 * the discount and the amount (rounded once), the price currency, the exchange rate and its day when the
 * price was converted, and what commissions need (SKU, SRP and purchase price per unit, discount id).
 */
public record InvoiceLineResponse(int lineNo, String kind, String subscriptionId, String description, String sku,
        String planId, Integer planVersion, String dimension, LocalDate serviceFrom, LocalDate serviceTo,
        BigDecimal quantity, BigDecimal unitPrice, BigDecimal listAmount, BigDecimal discountAmount, BigDecimal amount,
        String priceCurrency, BigDecimal exchangeRate, LocalDate rateDate, String discountId, BigDecimal srpPrice,
        BigDecimal purPrice) {

    /** This line without the channel's purchase price (as the invoiced customer sees it). */
    InvoiceLineResponse withoutPurchasePrice() {
        return new InvoiceLineResponse(lineNo, kind, subscriptionId, description, sku, planId, planVersion, dimension,
                serviceFrom, serviceTo, quantity, unitPrice, listAmount, discountAmount, amount, priceCurrency,
                exchangeRate, rateDate, discountId, srpPrice, null);
    }
}
