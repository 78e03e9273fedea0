package dev.mercato.catalog.article;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import dev.mercato.platform.events.ArticleChangedV1;
import io.smallrye.mutiny.Uni;

/**
 * Turns articles into their public representation: reads their price objects, their links and the
 * linked articles (with their prices) in four queries however many articles there are. Needs an open session.
 */
@ApplicationScoped
public class ArticleMapper {

    private final ArticleRepository articles;
    private final ArticlePriceRepository prices;
    private final ArticleLinkRepository links;

    public ArticleMapper(ArticleRepository articles, ArticlePriceRepository prices, ArticleLinkRepository links) {
        this.articles = articles;
        this.prices = prices;
        this.links = links;
    }

    public Uni<ArticleResponse> toResponse(Article article) {
        return toResponses(List.of(article)).map(responses -> responses.get(0));
    }

    /** The responses, in the order of {@code page}. */
    public Uni<List<ArticleResponse>> toResponses(List<Article> page) {
        if (page.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        List<String> ids = page.stream().map(article -> article.id).toList();
        return links.listFor(ids).chain(foundLinks -> {
            Set<String> linkedSkus = foundLinks.stream().map(link -> link.linkedSku).collect(Collectors.toSet());
            return articles.listBySkus(linkedSkus).chain(linked -> {
                Set<String> priced = new LinkedHashSet<>(ids);
                linked.forEach(article -> priced.add(article.id));
                return prices.listFor(priced).map(foundPrices -> assemble(page, foundLinks, linked, foundPrices));
            });
        });
    }

    public ArticleChangedV1 toEvent(ArticleResponse article) {
        return new ArticleChangedV1(article.id(), article.sku(), article.ownerId(), article.materialDescription(),
                article.shortDescription(), article.fullDescription(), article.productLineCode(),
                article.productLineDesc(), article.shortProductLineDesc(), article.earnbackType(),
                article.supportType(), name(article.deployment()), name(article.contractType()), article.contractTerm(),
                article.packSize(), article.materialType(), article.materialGroup(), article.productGroup(),
                article.discountClassification(), article.media(), name(article.operatingSystem()),
                article.productStatus(), article.productSubCat(), article.productRelease(), article.productType(),
                name(article.productDivision()), article.iconGroup(), article.productRewardsCategory(),
                article.accessGroup(), article.minimumPurchaseRequirement(), article.ppiEligibility(),
                article.pviEligibility(), article.rpiEligibility(), article.premiumEligibleProductLine(),
                article.premiumEligibleSku(), article.supportedOrderTypes().stream().map(Enum::name).toList(),
                article.links().stream().map(link -> new ArticleChangedV1.LinkV1(link.sku(), link.orderType().name()))
                        .toList(),
                article.startDate(), article.endDate(), article.promoName(), article.purPrice(), article.srpPrice(),
                article.createdAt(), article.lastUpdated(), article.version(), article.tokens());
    }

    private static List<ArticleResponse> assemble(List<Article> page, List<ArticleLink> foundLinks,
            List<Article> linked, List<ArticlePrice> foundPrices) {
        Map<String, Article> linkedBySku = linked.stream().collect(Collectors.toMap(a -> a.sku, Function.identity()));
        Map<String, SortedMap<String, BigDecimal>> purchase = new HashMap<>();
        Map<String, SortedMap<String, BigDecimal>> retail = new HashMap<>();
        for (ArticlePrice price : foundPrices) {
            Map<String, SortedMap<String, BigDecimal>> list = ArticlePrice.PURCHASE.equals(price.priceList) ? purchase : retail;
            list.computeIfAbsent(price.articleId, id -> new TreeMap<>()).put(price.currency, price.amount);
        }
        Map<String, List<ArticleResponse.Link>> linksOf = new HashMap<>();
        for (ArticleLink link : foundLinks) {
            Article target = linkedBySku.get(link.linkedSku);
            ArticleResponse.Link shown = target == null
                    ? new ArticleResponse.Link(link.linkedSku, link.orderType, null, null, null, null, 1, Map.of(), Map.of())
                    : new ArticleResponse.Link(target.sku, link.orderType, target.productLineDesc,
                            target.shortDescription, target.deployment, target.contractTerm, target.packSize,
                            pricesOf(purchase, target.id), pricesOf(retail, target.id));
            linksOf.computeIfAbsent(link.articleId, id -> new ArrayList<>()).add(shown);
        }
        return page.stream().map(article -> response(article, linksOf.getOrDefault(article.id, List.of()),
                pricesOf(purchase, article.id), pricesOf(retail, article.id))).toList();
    }

    private static Map<String, BigDecimal> pricesOf(Map<String, SortedMap<String, BigDecimal>> list, String articleId) {
        return list.getOrDefault(articleId, new TreeMap<>());
    }

    private static ArticleResponse response(Article a, List<ArticleResponse.Link> links,
            Map<String, BigDecimal> purPrice, Map<String, BigDecimal> srpPrice) {
        return new ArticleResponse(a.id, "article", a.sku, a.ownerId, a.materialDescription, a.shortDescription,
                a.fullDescription, a.productLineCode, a.productLineDesc, a.shortProductLineDesc, a.earnbackType,
                a.supportType, a.deployment, a.contractType, a.contractTerm, a.packSize, a.materialType,
                a.materialGroup, a.productGroup, a.discountClassification, a.media, a.operatingSystem,
                a.productStatus, a.productSubCat, a.productRelease, a.productType, a.productDivision, a.iconGroup,
                a.productRewardsCategory, a.accessGroup, a.minimumPurchaseRequirement, a.ppiEligibility,
                a.pviEligibility, a.rpiEligibility, a.premiumEligibleProductLine, a.premiumEligibleSku,
                OrderType.split(a.supportedOrderTypes), List.copyOf(links), a.startDate, a.endDate, a.promoName,
                exact(a.tokens), purPrice, srpPrice, a.createdAt, a.lastUpdated, a.version);
    }

    /** Tokens without the zeros the column's scale adds: 1000, not 1000.000000. */
    private static BigDecimal exact(BigDecimal value) {
        if (value == null) {
            return null;
        }
        BigDecimal stripped = value.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }

    private static String name(Enum<?> value) {
        return value == null ? null : value.name();
    }
}
