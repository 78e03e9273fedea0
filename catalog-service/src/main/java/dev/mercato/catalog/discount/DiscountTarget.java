package dev.mercato.catalog.discount;

/** What a discount is looked up for: one plan, article (by SKU) or listing. */
public record DiscountTarget(Kind kind, String reference) {

    public enum Kind {
        PLAN, ARTICLE, LISTING
    }

    public static DiscountTarget plan(String planId) {
        return new DiscountTarget(Kind.PLAN, planId);
    }

    public static DiscountTarget article(String sku) {
        return new DiscountTarget(Kind.ARTICLE, sku);
    }

    public static DiscountTarget listing(String listingId) {
        return new DiscountTarget(Kind.LISTING, listingId);
    }
}
