package dev.mercato.catalog.article;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import dev.mercato.catalog.article.CreateArticleRequest.LinkRequest;
import dev.mercato.platform.api.ApiException;
import dev.mercato.platform.directory.OrganizationDirectory;
import dev.mercato.platform.events.ArticleChangedV1;
import dev.mercato.platform.events.Topics;
import dev.mercato.platform.id.Ids;
import dev.mercato.platform.outbox.Outbox;
import dev.mercato.platform.security.Caller;
import dev.mercato.platform.security.Scopes;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

/**
 * Creates and changes articles. The platform manages every article, a vendor its own; every change is
 * published as a full snapshot on {@code catalog.articles} in the same transaction.
 */
@ApplicationScoped
public class ArticleService {

    private final ArticleRepository articles;
    private final ArticlePriceRepository prices;
    private final ArticleLinkRepository links;
    private final ArticleMapper mapper;
    private final OrganizationDirectory directory;
    private final Outbox outbox;

    public ArticleService(ArticleRepository articles, ArticlePriceRepository prices, ArticleLinkRepository links,
            ArticleMapper mapper, OrganizationDirectory directory, Outbox outbox) {
        this.articles = articles;
        this.prices = prices;
        this.links = links;
        this.mapper = mapper;
        this.directory = directory;
        this.outbox = outbox;
    }

    @WithTransaction
    public Uni<ArticleResponse> create(CreateArticleRequest request, Caller caller) {
        requireManager(caller);
        requireWindow(request.startDate(), request.endDate());
        SortedMap<String, BigDecimal> purchase = PriceObjects.validated(request.purPrice(), "purPrice");
        SortedMap<String, BigDecimal> retail = PriceObjects.validated(request.srpPrice(), "srpPrice");
        requireDistinct(request.links());
        return ownerFor(request.vendorId(), caller)
                .call(owner -> articles.findBySku(request.sku()).invoke(existing -> {
                    if (existing != null) {
                        throw ApiException.conflict("An article with SKU '" + request.sku() + "' already exists");
                    }
                }))
                .call(owner -> requireLinkedArticles(request.links(), request.sku()))
                .chain(owner -> {
                    Article article = newArticle(request, owner);
                    return articles.persist(article)
                            .call(() -> replacePrices(article.id, purchase, retail))
                            .call(() -> replaceLinks(article.id, request.links()))
                            .chain(() -> publish(article));
                });
    }

    @WithTransaction
    public Uni<ArticleResponse> update(String sku, UpdateArticleRequest request, Caller caller) {
        requireManager(caller);
        SortedMap<String, BigDecimal> purchase = request.purPrice() == null ? null
                : PriceObjects.validated(request.purPrice(), "purPrice");
        SortedMap<String, BigDecimal> retail = request.srpPrice() == null ? null
                : PriceObjects.validated(request.srpPrice(), "srpPrice");
        requireDistinct(request.links());
        return manageable(sku, caller)
                .invoke(article -> {
                    if (request.version() != null && request.version() != article.version) {
                        throw ApiException.conflict("Article '" + sku + "' is at version " + article.version
                                + ", not " + request.version() + "; read it again and retry");
                    }
                    requireWindow(request.startDate() != null ? request.startDate() : article.startDate,
                            request.endDate() != null ? request.endDate() : article.endDate);
                })
                .call(article -> requireLinkedArticles(request.links(), article.sku))
                .chain(article -> {
                    apply(request, article);
                    // The versioned row update comes first: a concurrent writer that lost stops here with 409.
                    return articles.flush()
                            .chain(() -> purchase == null ? Uni.createFrom().voidItem() : replacePrices(article.id, ArticlePrice.PURCHASE, purchase))
                            .chain(() -> retail == null ? Uni.createFrom().voidItem() : replacePrices(article.id, ArticlePrice.RETAIL, retail))
                            .chain(() -> request.links() == null ? Uni.createFrom().voidItem()
                                    : links.deleteFor(article.id).chain(() -> replaceLinks(article.id, request.links())))
                            .chain(() -> publish(article));
                });
    }

    /** The article with {@code sku} when the caller may change it; 404 otherwise, as if it did not exist. */
    private Uni<Article> manageable(String sku, Caller caller) {
        return articles.findBySku(sku)
                .map(found -> found != null && caller.canSee(found.ownerPath) ? found : null)
                .onItem().ifNull().failWith(() -> ApiException.notFound("article", sku));
    }

    private Uni<ArticleResponse> publish(Article article) {
        return articles.flush()
                .chain(() -> mapper.toResponse(article))
                .call(response -> outbox.publish(Topics.CATALOG_ARTICLES, article.id, ArticleChangedV1.TYPE,
                        mapper.toEvent(response)));
    }

    /** Only the platform and vendors hold {@code write:catalog}; readers never write. */
    private static void requireManager(Caller caller) {
        caller.requireScope(Scopes.WRITE_CATALOG);
        caller.requireWriter();
    }

    /** The caller's own organization, or the vendor named by {@code vendorId} if the caller manages it. */
    private Uni<Owner> ownerFor(String vendorId, Caller caller) {
        if (vendorId == null) {
            return Uni.createFrom().item(new Owner(caller.organizationId(), caller.organizationPath()));
        }
        return directory.organization(vendorId).map(organization -> {
            if (organization == null || !"VENDOR".equals(organization.kind) || !caller.canSee(organization.path)) {
                throw ApiException.invalidField("vendorId", "must be the id of a vendor organization you manage");
            }
            return new Owner(organization.id, organization.path);
        });
    }

    /** Every linked SKU names an existing article, or the article itself. */
    private Uni<Void> requireLinkedArticles(List<LinkRequest> given, String ownSku) {
        if (given == null || given.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        Set<String> wanted = given.stream().map(LinkRequest::sku).filter(sku -> !sku.equals(ownSku))
                .collect(Collectors.toSet());
        return articles.listBySkus(wanted).invoke(found -> {
            Set<String> existing = found.stream().map(article -> article.sku).collect(Collectors.toSet());
            for (int i = 0; i < given.size(); i++) {
                String sku = given.get(i).sku();
                if (!sku.equals(ownSku) && !existing.contains(sku)) {
                    throw ApiException.invalidField("links[" + i + "].sku", "no article has SKU '" + sku + "'");
                }
            }
        }).replaceWithVoid();
    }

    private static void requireDistinct(List<LinkRequest> given) {
        if (given == null) {
            return;
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < given.size(); i++) {
            LinkRequest link = given.get(i);
            if (!seen.add(link.sku() + " " + link.orderType())) {
                throw ApiException.invalidField("links[" + i + "]", "links to " + link.sku() + " for "
                        + link.orderType() + " more than once");
            }
        }
    }

    private static void requireWindow(LocalDate startDate, LocalDate endDate) {
        if (startDate != null && endDate != null && endDate.isBefore(startDate)) {
            throw ApiException.invalidField("endDate", "must be on or after startDate (" + startDate + ")");
        }
    }

    private Uni<Void> replacePrices(String articleId, SortedMap<String, BigDecimal> purchase,
            SortedMap<String, BigDecimal> retail) {
        return replacePrices(articleId, ArticlePrice.PURCHASE, purchase)
                .chain(() -> replacePrices(articleId, ArticlePrice.RETAIL, retail));
    }

    private Uni<Void> replacePrices(String articleId, String priceList, SortedMap<String, BigDecimal> amounts) {
        List<ArticlePrice> rows = new ArrayList<>();
        for (Map.Entry<String, BigDecimal> amount : amounts.entrySet()) {
            rows.add(ArticlePrice.of(articleId, priceList, amount.getKey(), amount.getValue()));
        }
        return prices.deleteList(articleId, priceList)
                .chain(() -> rows.isEmpty() ? Uni.createFrom().voidItem() : prices.persist(rows));
    }

    private Uni<Void> replaceLinks(String articleId, List<LinkRequest> given) {
        if (given == null || given.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        List<ArticleLink> rows = new ArrayList<>();
        for (int i = 0; i < given.size(); i++) {
            rows.add(ArticleLink.of(articleId, i, given.get(i).sku(), given.get(i).orderType()));
        }
        return links.persist(rows);
    }

    private static Article newArticle(CreateArticleRequest request, Owner owner) {
        Article article = new Article();
        article.id = Ids.next("art");
        article.sku = request.sku();
        article.ownerId = owner.id();
        article.ownerPath = owner.path();
        article.packSize = 1;
        article.supportedOrderTypes = "";
        apply(request, article);
        article.createdAt = article.lastUpdated;
        return article;
    }

    private static void apply(ArticleAttributes r, Article a) {
        a.materialDescription = or(r.materialDescription(), a.materialDescription);
        a.shortDescription = or(r.shortDescription(), a.shortDescription);
        a.fullDescription = or(r.fullDescription(), a.fullDescription);
        a.productLineCode = or(r.productLineCode(), a.productLineCode);
        a.productLineDesc = or(r.productLineDesc(), a.productLineDesc);
        a.shortProductLineDesc = or(r.shortProductLineDesc(), a.shortProductLineDesc);
        a.earnbackType = or(r.earnbackType(), a.earnbackType);
        a.supportType = or(r.supportType(), a.supportType);
        a.deployment = or(r.deployment(), a.deployment);
        a.contractType = or(r.contractType(), a.contractType);
        a.contractTerm = or(r.contractTerm(), a.contractTerm);
        a.packSize = or(r.packSize(), a.packSize);
        a.materialType = or(r.materialType(), a.materialType);
        a.materialGroup = or(r.materialGroup(), a.materialGroup);
        a.productGroup = or(r.productGroup(), a.productGroup);
        a.discountClassification = or(r.discountClassification(), a.discountClassification);
        a.media = or(r.media(), a.media);
        a.operatingSystem = or(r.operatingSystem(), a.operatingSystem);
        a.productStatus = or(r.productStatus(), a.productStatus);
        a.productSubCat = or(r.productSubCat(), a.productSubCat);
        a.productRelease = or(r.productRelease(), a.productRelease);
        a.productType = or(r.productType(), a.productType);
        a.productDivision = or(r.productDivision(), a.productDivision);
        a.iconGroup = or(r.iconGroup(), a.iconGroup);
        a.productRewardsCategory = or(r.productRewardsCategory(), a.productRewardsCategory);
        a.accessGroup = or(r.accessGroup(), a.accessGroup);
        a.minimumPurchaseRequirement = or(r.minimumPurchaseRequirement(), a.minimumPurchaseRequirement);
        a.ppiEligibility = or(r.ppiEligibility(), a.ppiEligibility);
        a.pviEligibility = or(r.pviEligibility(), a.pviEligibility);
        a.rpiEligibility = or(r.rpiEligibility(), a.rpiEligibility);
        a.premiumEligibleProductLine = or(r.premiumEligibleProductLine(), a.premiumEligibleProductLine);
        a.premiumEligibleSku = or(r.premiumEligibleSku(), a.premiumEligibleSku);
        if (r.supportedOrderTypes() != null) {
            a.supportedOrderTypes = OrderType.join(r.supportedOrderTypes());
        }
        a.startDate = or(r.startDate(), a.startDate);
        a.endDate = or(r.endDate(), a.endDate);
        a.promoName = or(r.promoName(), a.promoName);
        a.tokens = or(r.tokens(), a.tokens);
        // Always a column change, so the version grows even when only prices or links changed.
        a.lastUpdated = Instant.now();
    }

    private static <T> T or(T given, T current) {
        return given != null ? given : current;
    }

    /** The organization an article belongs to. */
    private record Owner(String id, String path) {
    }
}
