package dev.mercato.console.catalog;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * An article as {@code /api/v1/articles} shows it: what the pages list and detail — its descriptions, terms, orderable
 * window, order types, purchase and retail prices (currency code to amount) and links.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Article(String id, String sku, String ownerId, String shortDescription, String fullDescription,
        String productLineDesc, String deployment, String contractType, Integer contractTerm, Integer packSize,
        String productStatus, LocalDate startDate, LocalDate endDate, String promoName, BigDecimal tokens,
        List<String> supportedOrderTypes, List<Link> links, Map<String, BigDecimal> purPrice,
        Map<String, BigDecimal> srpPrice) {

    public Article {
        supportedOrderTypes = supportedOrderTypes == null ? List.of() : supportedOrderTypes;
        links = links == null ? List.of() : links;
        purPrice = purPrice == null ? Map.of() : purPrice;
        srpPrice = srpPrice == null ? Map.of() : srpPrice;
    }

    /** The article to use for another order type, with that article's summary and prices as they are now. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Link(String sku, String orderType, String shortDescription, String productLineDesc,
            Map<String, BigDecimal> purPrice, Map<String, BigDecimal> srpPrice) {

        public Link {
            purPrice = purPrice == null ? Map.of() : purPrice;
            srpPrice = srpPrice == null ? Map.of() : srpPrice;
        }
    }
}
