package dev.mercato.catalog.plan;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import java.util.regex.Pattern;

import dev.mercato.platform.api.ApiException;
import dev.mercato.pricing.PriceDefinition;
import dev.mercato.pricing.PricingException;
import dev.mercato.pricing.PricingStrategy;
import dev.mercato.pricing.Tier;

/**
 * Turns the price definitions of a request into {@link PlanPrice}s, refusing — with a 400 naming the
 * field, before anything is stored — what the pricing engine cannot price and what a plan version
 * cannot charge: a recurring price without a period, a usage price without a dimension, a flat amount
 * in a strategy that has no tiers.
 */
final class PlanPrices {

    /** The shape of every Mercato id (prefix + ULID). */
    private static final Pattern ID = Pattern.compile("[a-z]{2,12}_[0-9a-hjkmnp-tv-z]{26}");
    /** The shape of a listing dimension's key. */
    private static final Pattern DIMENSION_KEY = Pattern.compile("[a-z][a-z0-9_.-]{0,63}");

    private PlanPrices() {
    }

    /** Validated prices without ids, version or creation time; {@code currency} already normalised. */
    static List<PlanPrice> of(List<PriceDefinitionRequest> definitions, String currency, PricingPeriod period) {
        List<PlanPrice> prices = new ArrayList<>();
        for (int i = 0; i < definitions.size(); i++) {
            prices.add(priceOf(definitions.get(i), "priceDefinitions[" + i + "]", currency, period));
        }
        return prices;
    }

    /** The listing id given in {@code field}, refused unless it has the shape of an id. */
    static String listingId(String listingId, String field) {
        if (listingId != null && !ID.matcher(listingId).matches()) {
            throw ApiException.invalidField(field, "must be a listing id such as lst_01jd3v6m0k8p7x2n4q5r6s7t8w");
        }
        return listingId;
    }

    private static PlanPrice priceOf(PriceDefinitionRequest request, String field, String currency,
            PricingPeriod period) {
        if (request.costTypeCategory() == CostTypeCategory.RECURRING && period == null) {
            throw ApiException.invalidField("pricingPeriod", "is required: " + field + " is a RECURRING price");
        }
        requireDimensionOnlyForUsage(request, field);
        boolean fractional = Boolean.TRUE.equals(request.unitAllowsDecimals());
        List<Tier> tiers = new ArrayList<>();
        List<PriceRange> ranges = new ArrayList<>();
        for (int r = 0; r < request.priceRanges().size(); r++) {
            PriceDefinitionRequest.PriceRangeRequest range = request.priceRanges().get(r);
            String rangeField = field + ".priceRanges[" + r + "]";
            if (range.flatAmount() != null && request.pricingStrategy() != PricingStrategy.TIERED
                    && request.pricingStrategy() != PricingStrategy.VOLUME) {
                throw ApiException.invalidField(rangeField + ".flatAmount",
                        "only TIERED and VOLUME ranges carry a flat amount");
            }
            if (range.wholeSalePrice() != null) {
                String wholeSale = "priceRanges[" + r + "].wholeSalePrice";
                engine(field, () -> {
                    PriceDefinition.validatePrice(wholeSale, range.wholeSalePrice());
                    return range;
                });
            }
            tiers.add(new Tier(range.min(), range.max(), range.salePrice(), range.flatAmount()));
            ranges.add(rangeOf(range));
        }
        PriceDefinition definition = engine(field, () -> new PriceDefinition(request.pricingStrategy(), tiers,
                request.packageSize(), fractional, request.increment()));
        PlanPrice price = new PlanPrice();
        price.currency = currency;
        price.pricingPeriod = period;
        price.costTypeCategory = request.costTypeCategory();
        price.pricingStrategy = definition.strategy();
        price.unit = request.unit();
        price.listingId = request.listingId();
        price.dimensionKey = request.dimensionKey();
        price.unitAllowsDecimals = fractional;
        price.increment = request.increment();
        price.packageSize = request.packageSize();
        price.ranges = ranges;
        return price;
    }

    private static void requireDimensionOnlyForUsage(PriceDefinitionRequest request, String field) {
        if (request.costTypeCategory() == CostTypeCategory.USAGE) {
            if (request.listingId() == null) {
                throw ApiException.invalidField(field + ".listingId", "is required: a USAGE price meters a listing dimension");
            }
            if (request.dimensionKey() == null) {
                throw ApiException.invalidField(field + ".dimensionKey", "is required: a USAGE price meters a listing dimension");
            }
            listingId(request.listingId(), field + ".listingId");
            if (!DIMENSION_KEY.matcher(request.dimensionKey()).matches()) {
                throw ApiException.invalidField(field + ".dimensionKey",
                        "must be a dimension key: 1-64 of a-z 0-9 _ . - starting with a letter");
            }
        } else if (request.listingId() != null || request.dimensionKey() != null) {
            throw ApiException.invalidField(field + (request.listingId() != null ? ".listingId" : ".dimensionKey"),
                    "only a USAGE price names a listing dimension");
        }
    }

    private static PriceRange rangeOf(PriceDefinitionRequest.PriceRangeRequest request) {
        PriceRange range = new PriceRange();
        range.min = request.min();
        range.max = request.max();
        range.salePrice = request.salePrice();
        range.wholeSalePrice = request.wholeSalePrice();
        range.flatAmount = request.flatAmount();
        return range;
    }

    /** Runs the pricing engine's check and names the field as the request does. */
    private static <T> T engine(String field, Supplier<T> check) {
        try {
            return check.get();
        } catch (PricingException e) {
            throw ApiException.invalidField(field + "." + requestField(e.field()), e.getMessage());
        }
    }

    /** The engine calls a range's price {@code price}; the API calls it {@code salePrice}. */
    private static String requestField(String engineField) {
        return engineField.endsWith(".price")
                ? engineField.substring(0, engineField.length() - ".price".length()) + ".salePrice"
                : engineField;
    }
}
