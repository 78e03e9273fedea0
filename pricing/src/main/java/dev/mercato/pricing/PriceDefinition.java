package dev.mercato.pricing;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Objects;

/**
 * What a thing costs by quantity: a strategy, its price ranges ({@link Tier}s, contiguous from 0),
 * the package size of {@link PricingStrategy#PACKAGE}, whether quantities may have decimals, and the
 * step quantities must come in ({@code increment}, optional). Validated when built, so every
 * definition the engine holds can price every quantity it accepts.
 */
public record PriceDefinition(PricingStrategy strategy, List<Tier> tiers, BigDecimal packageSize,
        boolean fractionalQuantities, BigDecimal increment) {

    /** Prices above this are a typing error, not a price. */
    public static final BigDecimal MAX_PRICE = new BigDecimal("1000000000");
    /** Quantities above this are refused (a billion units of anything in one line). */
    public static final BigDecimal MAX_QUANTITY = new BigDecimal("1000000000");
    /** Decimals a price may carry (prices per API call or per byte are tiny). */
    public static final int MAX_PRICE_DECIMALS = 10;
    /** Decimals a range bound, package size or increment may carry: finer steps are no quantity anyone sells. */
    public static final int MAX_QUANTITY_DECIMALS = 10;

    public PriceDefinition {
        if (strategy == null) {
            throw new PricingException("pricingStrategy", "is required");
        }
        tiers = List.copyOf(Objects.requireNonNullElse(tiers, List.of()));
        validateTiers(strategy, tiers);
        if (strategy == PricingStrategy.PACKAGE) {
            if (packageSize == null || packageSize.signum() <= 0 || packageSize.compareTo(MAX_QUANTITY) > 0) {
                throw new PricingException("packageSize", "a package price needs a package size above 0");
            }
            requireQuantityDecimals("packageSize", packageSize);
        } else if (packageSize != null) {
            throw new PricingException("packageSize", "only a PACKAGE price has a package size");
        }
        if (increment != null && (increment.signum() <= 0 || increment.compareTo(MAX_QUANTITY) > 0)) {
            throw new PricingException("increment", "must be above 0");
        }
        if (increment != null && !fractionalQuantities && !isWhole(increment)) {
            throw new PricingException("increment", "must be a whole number when quantities are whole");
        }
        if (increment != null) {
            requireQuantityDecimals("increment", increment);
        }
    }

    public static PriceDefinition flat(String amount) {
        return new PriceDefinition(PricingStrategy.FLAT, List.of(Tier.of("0", null, amount)), null, false, null);
    }

    public static PriceDefinition perUnit(String unitPrice) {
        return new PriceDefinition(PricingStrategy.UNIT, List.of(Tier.of("0", null, unitPrice)), null, false, null);
    }

    public static PriceDefinition tiered(PricingStrategy strategy, Tier... tiers) {
        return new PriceDefinition(strategy, List.of(tiers), null, false, null);
    }

    public static PriceDefinition perPackage(String packageSize, String packagePrice) {
        return new PriceDefinition(PricingStrategy.PACKAGE, List.of(Tier.of("0", null, packagePrice)),
                new BigDecimal(packageSize), false, null);
    }

    public PriceDefinition withFractionalQuantities() {
        return new PriceDefinition(strategy, tiers, packageSize, true, increment);
    }

    public PriceDefinition withIncrement(String step) {
        return new PriceDefinition(strategy, tiers, packageSize, fractionalQuantities, new BigDecimal(step));
    }

    /**
     * The exact, unrounded amount for {@code quantity}. Rounding is the caller's, once per line
     * ({@link LinePrice}).
     */
    public BigDecimal amountFor(BigDecimal quantity) {
        validateQuantity(quantity);
        if (strategy == PricingStrategy.FLAT) {
            return tiers.get(0).unitPrice().add(tiers.get(0).flat());
        }
        if (quantity.signum() == 0) {
            return BigDecimal.ZERO;
        }
        return switch (strategy) {
            case UNIT -> quantity.multiply(tiers.get(0).unitPrice()).add(tiers.get(0).flat());
            case PACKAGE -> quantity.divide(packageSize, 0, RoundingMode.CEILING)
                    .multiply(tiers.get(0).unitPrice()).add(tiers.get(0).flat());
            case VOLUME -> volume(quantity);
            case TIERED -> graduated(quantity);
            case FLAT -> throw new IllegalStateException("handled above");
        };
    }

    /** The price of one unit in the first range: what a list shows as "from". */
    public BigDecimal startingUnitPrice() {
        return tiers.get(0).unitPrice();
    }

    private BigDecimal volume(BigDecimal quantity) {
        for (Tier tier : tiers) {
            if (tier.contains(quantity)) {
                return quantity.multiply(tier.unitPrice()).add(tier.flat());
            }
        }
        throw new IllegalStateException("validated quantity outside every tier");
    }

    private BigDecimal graduated(BigDecimal quantity) {
        BigDecimal amount = BigDecimal.ZERO;
        for (Tier tier : tiers) {
            if (quantity.compareTo(tier.from()) <= 0) {
                break;
            }
            BigDecimal top = tier.upTo() == null || quantity.compareTo(tier.upTo()) < 0 ? quantity : tier.upTo();
            amount = amount.add(top.subtract(tier.from()).multiply(tier.unitPrice())).add(tier.flat());
        }
        return amount;
    }

    private void validateQuantity(BigDecimal quantity) {
        if (quantity == null) {
            throw new PricingException("quantity", "is required");
        }
        if (quantity.signum() < 0) {
            throw new PricingException("quantity", "must not be negative");
        }
        if (quantity.compareTo(MAX_QUANTITY) > 0) {
            throw new PricingException("quantity", "must be at most " + MAX_QUANTITY.toPlainString());
        }
        if (!fractionalQuantities && !isWhole(quantity)) {
            throw new PricingException("quantity", "must be a whole number");
        }
        if (increment != null && quantity.remainder(increment).signum() != 0) {
            throw new PricingException("quantity", "must be a multiple of " + increment.stripTrailingZeros().toPlainString());
        }
        BigDecimal highest = tiers.get(tiers.size() - 1).upTo();
        if (strategy != PricingStrategy.FLAT && highest != null && quantity.compareTo(highest) > 0) {
            throw new PricingException("quantity", "must be at most " + highest.stripTrailingZeros().toPlainString()
                    + ", the top of the highest price range");
        }
    }

    private static void validateTiers(PricingStrategy strategy, List<Tier> tiers) {
        if (tiers.isEmpty()) {
            throw new PricingException("priceRanges", "at least one price range is required");
        }
        boolean single = strategy == PricingStrategy.FLAT || strategy == PricingStrategy.UNIT
                || strategy == PricingStrategy.PACKAGE;
        if (single && tiers.size() != 1) {
            throw new PricingException("priceRanges", "a " + strategy + " price has exactly one price range");
        }
        BigDecimal expectedFrom = BigDecimal.ZERO;
        for (int i = 0; i < tiers.size(); i++) {
            Tier tier = tiers.get(i);
            String field = "priceRanges[" + i + "]";
            if (tier == null || tier.from() == null || tier.unitPrice() == null) {
                throw new PricingException(field, "needs min and a price");
            }
            if (tier.from().compareTo(expectedFrom) != 0) {
                throw new PricingException(field + ".min", i == 0 ? "the first range must start at 0"
                        : "must equal the previous range's max (" + expectedFrom.stripTrailingZeros().toPlainString()
                                + "): ranges may neither overlap nor leave gaps");
            }
            if (tier.upTo() == null && i < tiers.size() - 1) {
                throw new PricingException(field + ".max", "only the last range may be open-ended");
            }
            if (tier.upTo() != null && tier.upTo().compareTo(tier.from()) <= 0) {
                throw new PricingException(field + ".max", "must be above min");
            }
            if (tier.upTo() != null && tier.upTo().compareTo(MAX_QUANTITY) > 0) {
                throw new PricingException(field + ".max", "must be at most " + MAX_QUANTITY.toPlainString());
            }
            if (tier.upTo() != null) {
                requireQuantityDecimals(field + ".max", tier.upTo());
            }
            validatePrice(field + ".price", tier.unitPrice());
            if (tier.flatAmount() != null) {
                validatePrice(field + ".flatAmount", tier.flatAmount());
            }
            expectedFrom = tier.upTo();
        }
    }

    /**
     * Refuses, naming {@code field}, a price this engine would refuse in a range: negative, above
     * {@link #MAX_PRICE} or with more than {@link #MAX_PRICE_DECIMALS} decimals. For prices carried
     * beside a definition (a wholesale price) that must obey the same bounds.
     */
    public static void validatePrice(String field, BigDecimal price) {
        if (price.signum() < 0) {
            throw new PricingException(field, "must not be negative");
        }
        if (price.compareTo(MAX_PRICE) > 0) {
            throw new PricingException(field, "must be at most " + MAX_PRICE.toPlainString());
        }
        if (price.stripTrailingZeros().scale() > MAX_PRICE_DECIMALS) {
            throw new PricingException(field, "must have at most " + MAX_PRICE_DECIMALS + " decimals");
        }
    }

    private static void requireQuantityDecimals(String field, BigDecimal quantity) {
        if (quantity.stripTrailingZeros().scale() > MAX_QUANTITY_DECIMALS) {
            throw new PricingException(field, "must have at most " + MAX_QUANTITY_DECIMALS + " decimals");
        }
    }

    private static boolean isWhole(BigDecimal value) {
        return value.signum() == 0 || value.stripTrailingZeros().scale() <= 0;
    }
}
