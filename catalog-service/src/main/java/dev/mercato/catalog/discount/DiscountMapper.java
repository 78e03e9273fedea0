package dev.mercato.catalog.discount;

import java.math.BigDecimal;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.mercato.platform.events.DiscountChangedV1;

/** Turns a {@link CatalogDiscount} into its API response and its event, and its id lists to and from JSON. */
@ApplicationScoped
public class DiscountMapper {

    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {
    };

    private final ObjectMapper json;

    public DiscountMapper(ObjectMapper json) {
        this.json = json;
    }

    public DiscountResponse toResponse(CatalogDiscount discount) {
        return new DiscountResponse(discount.id, discount.ownerId, discount.type.name(), exact(discount.percentage),
                exact(discount.price), discount.currency, discount.code, discount.description, discount.startDate,
                discount.expirationDate, discount.minUnits, discount.maxUnits, discount.maxRedemptions,
                discount.redemptions, discount.billingCycles, discount.autoApply, discount.retainable,
                exact(discount.partnerSharePercentage), exact(discount.basePartnerSharePercentage),
                discount.redemptionRestriction.name(), planIds(discount), articleSkus(discount), listingIds(discount),
                discount.createdAt, discount.updatedAt, discount.version);
    }

    public DiscountChangedV1 toEvent(CatalogDiscount discount) {
        return new DiscountChangedV1(discount.id, discount.ownerId, discount.type.name(), exact(discount.percentage),
                exact(discount.price), discount.currency, discount.code, discount.description, discount.startDate,
                discount.expirationDate, discount.minUnits, discount.maxUnits, discount.maxRedemptions,
                discount.redemptions, discount.billingCycles, discount.autoApply, discount.retainable,
                exact(discount.partnerSharePercentage), exact(discount.basePartnerSharePercentage),
                discount.redemptionRestriction.name(), planIds(discount), articleSkus(discount), listingIds(discount),
                discount.createdAt, discount.updatedAt, discount.version);
    }

    public DiscountRedemptionResponse toResponse(DiscountRedemption redemption, CatalogDiscount discount) {
        return new DiscountRedemptionResponse(redemption.id, redemption.discountId, redemption.customerId,
                redemption.units, redemption.reference, redemption.redeemedAt, discount.redemptions,
                discount.maxRedemptions);
    }

    /** {@code value} without the zeros its column's scale adds: 5, not 5.0000000000. */
    private static BigDecimal exact(BigDecimal value) {
        if (value == null) {
            return null;
        }
        BigDecimal stripped = value.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }

    public List<String> planIds(CatalogDiscount discount) {
        return read(discount.planIds);
    }

    public List<String> articleSkus(CatalogDiscount discount) {
        return read(discount.articleSkus);
    }

    public List<String> listingIds(CatalogDiscount discount) {
        return read(discount.listingIds);
    }

    /** The JSON array stored for {@code ids}: duplicates dropped, order kept, none for null. */
    public String write(List<String> ids) {
        try {
            return json.writeValueAsString(ids == null ? List.of() : ids.stream().distinct().toList());
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("ids cannot be written as JSON", e);
        }
    }

    private List<String> read(String stored) {
        try {
            return json.readValue(stored, STRINGS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored id list is not a JSON array", e);
        }
    }
}
