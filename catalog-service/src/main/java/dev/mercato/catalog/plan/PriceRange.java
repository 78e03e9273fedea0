package dev.mercato.catalog.plan;

import java.math.BigDecimal;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

import dev.mercato.pricing.Tier;

/**
 * One range of a {@link PlanPrice}: the quantities above {@code min} up to and including {@code max}
 * (null: no upper bound) cost {@code salePrice} each, plus {@code flatAmount} once when reached.
 * {@code wholeSalePrice} is what a reseller pays per unit.
 */
@Embeddable
public class PriceRange {

    @Column(name = "min_quantity", nullable = false)
    public BigDecimal min;

    @Column(name = "max_quantity")
    public BigDecimal max;

    @Column(name = "sale_price", nullable = false)
    public BigDecimal salePrice;

    @Column(name = "wholesale_price")
    public BigDecimal wholeSalePrice;

    @Column(name = "flat_amount")
    public BigDecimal flatAmount;

    public Tier toTier() {
        return new Tier(min, max, salePrice, flatAmount);
    }

    public PriceRange copy() {
        PriceRange copy = new PriceRange();
        copy.min = min;
        copy.max = max;
        copy.salePrice = salePrice;
        copy.wholeSalePrice = wholeSalePrice;
        copy.flatAmount = flatAmount;
        return copy;
    }
}
