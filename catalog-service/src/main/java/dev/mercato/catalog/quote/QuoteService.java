package dev.mercato.catalog.quote;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import dev.mercato.catalog.article.ArticlePrice;
import dev.mercato.catalog.article.OrderType;
import dev.mercato.catalog.discount.CatalogDiscount;
import dev.mercato.catalog.discount.DiscountsByCode;
import dev.mercato.catalog.discount.DiscountService;
import dev.mercato.catalog.discount.DiscountTarget;
import dev.mercato.catalog.plan.CostTypeCategory;
import dev.mercato.catalog.plan.PlanService;
import dev.mercato.catalog.plan.PublishedPlanVersion;
import dev.mercato.catalog.rate.AppliedRate;
import dev.mercato.catalog.rate.ExchangeRateService;
import dev.mercato.platform.api.ApiException;
import dev.mercato.pricing.Currencies;
import dev.mercato.pricing.LinePrice;
import dev.mercato.pricing.PriceDefinition;
import dev.mercato.pricing.PricingException;
import dev.mercato.pricing.QuoteTotals;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

/**
 * Prices a cart with the pricing engine: each article at its purchase (or retail) price × quantity, each
 * plan version's recurring, one-time and usage prices, converted into the quote's currency with the
 * exchange rate valid on the quote's date, less the discount code where it covers the line. Reads only;
 * order-service confirms an order's price with the same arithmetic.
 */
@ApplicationScoped
public class QuoteService {

    private final Clock clock;
    private final QuotedArticles articles;
    private final PlanService plans;
    private final ExchangeRateService rates;
    private final DiscountsByCode discounts;
    private final DiscountService discountRules;

    public QuoteService(QuotedArticles articles, PlanService plans, ExchangeRateService rates,
            DiscountsByCode discounts, DiscountService discountRules, Clock clock) {
        this.clock = clock;
        this.articles = articles;
        this.plans = plans;
        this.rates = rates;
        this.discounts = discounts;
        this.discountRules = discountRules;
    }

    /**
     * Articles, plan versions, discount codes and exchange rates are each read with one statement on the
     * reactive client, without an ORM session (the catalogue's hot read path); one step at a time.
     */
    public Uni<QuoteResponse> quote(QuoteRequest request) {
        Cart cart = Cart.of(request, LocalDate.now(clock));
        return loadArticles(cart)
                .chain(() -> loadPlanVersions(cart))
                .chain(() -> loadDiscounts(cart))
                .chain(() -> Multi.createFrom().range(0, cart.items.size())
                        .onItem().transformToUniAndConcatenate(index -> priceItem(cart, index))
                        .collect().asList())
                .map(perItem -> cart.response(perItem.stream().flatMap(List::stream).toList()));
    }

    private Uni<Void> loadArticles(Cart cart) {
        Set<String> skus = cart.items.stream().map(QuoteRequest.Item::sku).filter(sku -> sku != null)
                .collect(Collectors.toCollection(LinkedHashSet::new));
        return articles.bySku(skus, cart.priceList).invoke(cart.articles::putAll).replaceWithVoid();
    }

    private Uni<Void> loadPlanVersions(Cart cart) {
        return Multi.createFrom().range(0, cart.items.size())
                .filter(index -> cart.items.get(index).planId() != null)
                .onItem().transformToUniAndConcatenate(index -> {
                    QuoteRequest.Item item = cart.items.get(index);
                    return plans.publishedVersion(item.planId(), item.version())
                            .onFailure(ApiException.class).transform(notFound -> ApiException.invalidField(
                                    field(index, "planId"), "has no published version " + item.version()))
                            .invoke(version -> cart.planVersions.put(index, version));
                })
                .collect().last().replaceWithVoid();
    }

    private Uni<Void> loadDiscounts(Cart cart) {
        if (cart.discountCode == null) {
            return Uni.createFrom().voidItem();
        }
        Set<String> owners = new TreeSet<>();
        cart.articles.values().forEach(article -> owners.add(article.ownerId()));
        cart.planVersions.values().forEach(version -> owners.add(version.ownerId()));
        return discounts.find(cart.discountCode, owners).invoke(cart.discounts::addAll).replaceWithVoid();
    }

    private Uni<List<Priced>> priceItem(Cart cart, int index) {
        QuoteRequest.Item item = cart.items.get(index);
        return item.sku() != null ? priceArticle(cart, index, item).map(List::of) : pricePlan(cart, index, item);
    }

    private Uni<Priced> priceArticle(Cart cart, int index, QuoteRequest.Item item) {
        QuotedArticle article = cart.articles.get(item.sku());
        if (article == null) {
            throw ApiException.invalidField(field(index, "sku"), "no article has SKU '" + item.sku() + "'");
        }
        if (!article.orderableOn(cart.date)) {
            throw ApiException.invalidField(field(index, "sku"), "is not orderable on " + cart.date
                    + " (orderable " + article.window() + ")");
        }
        if (item.orderType() != null && !OrderType.split(article.supportedOrderTypes()).contains(item.orderType())) {
            throw ApiException.invalidField(field(index, "orderType"), "article " + article.sku()
                    + " does not support " + item.orderType() + " orders");
        }
        BigDecimal quantity = item.quantity();
        if (quantity == null || quantity.signum() <= 0 || quantity.stripTrailingZeros().scale() > 0) {
            throw ApiException.invalidField(field(index, "quantity"), "an article is quoted in whole units of at least 1");
        }
        return priceCurrency(cart, index, article).map(currency -> {
            PriceDefinition definition = PriceDefinition.perUnit(article.prices().get(currency).toPlainString());
            CatalogDiscount discount = cart.discountFor(article.ownerId(), DiscountTarget.article(article.sku()),
                    quantity, discountRules);
            LinePrice line = linePrice(index, definition, quantity, currency, cart, discount);
            return cart.line(index, article.sku(), null, null, null, null, null, article.description(), quantity,
                    currency, discount, line);
        });
    }

    /** The quote's currency if the article has a price in it, else the first of its currencies that a rate converts. */
    private Uni<String> priceCurrency(Cart cart, int index, QuotedArticle article) {
        if (article.prices().containsKey(cart.currency)) {
            return Uni.createFrom().item(cart.currency);
        }
        List<String> candidates = new ArrayList<>(new TreeSet<>(article.prices().keySet()));
        return Multi.createFrom().iterable(candidates)
                .onItem().transformToUniAndConcatenate(currency -> rateFrom(cart, currency)
                        .map(rate -> rate.isPresent() ? currency : ""))
                .filter(currency -> !currency.isEmpty())
                .collect().first()
                .onItem().ifNull().failWith(() -> ApiException.invalidField(field(index, "sku"), "article "
                        + article.sku() + " has no " + cart.priceList + " price in " + cart.currency
                        + (candidates.isEmpty() ? "" : " and no exchange rate converts " + String.join(", ", candidates)
                                + " into it on " + cart.date)));
    }

    private Uni<List<Priced>> pricePlan(Cart cart, int index, QuoteRequest.Item item) {
        PublishedPlanVersion version = cart.planVersions.get(index);
        Map<String, BigDecimal> usage = item.usage() == null ? Map.of() : item.usage();
        Set<String> priced = version.prices().stream().filter(price -> price.costTypeCategory() == CostTypeCategory.USAGE)
                .map(PublishedPlanVersion.Price::dimensionKey).collect(Collectors.toSet());
        usage.keySet().stream().filter(key -> !priced.contains(key)).findFirst().ifPresent(key -> {
            throw ApiException.invalidField(field(index, "usage." + key), "version " + version.version() + " of plan "
                    + version.planId() + " has no usage price for this dimension");
        });
        BigDecimal seats = item.quantity() == null ? BigDecimal.ONE : item.quantity();
        return rateFrom(cart, version.currency()).map(rate -> {
            if (rate.isEmpty() && !version.currency().equals(cart.currency)) {
                throw ApiException.invalidField(field(index, "planId"), "plan " + version.planId() + " is priced in "
                        + version.currency() + " and no exchange rate converts it into " + cart.currency + " on "
                        + cart.date);
            }
            List<Priced> lines = new ArrayList<>();
            for (PublishedPlanVersion.Price price : version.prices()) {
                boolean usagePrice = price.costTypeCategory() == CostTypeCategory.USAGE;
                BigDecimal quantity = usagePrice ? usage.get(price.dimensionKey()) : seats;
                if (quantity == null) {
                    continue; // a usage price the cart reports no usage for
                }
                CatalogDiscount discount = cart.discountFor(version.ownerId(), DiscountTarget.plan(version.planId()),
                        quantity, discountRules);
                LinePrice line = linePrice(index, price.definition(), quantity, version.currency(), cart, discount);
                lines.add(cart.line(index, null, version.planId(), version.version(), price.id(),
                        price.costTypeCategory().name(), price.dimensionKey(), price.unit(), quantity, version.currency(),
                        discount, line));
            }
            return lines;
        });
    }

    /** The rate from {@code currency} into the quote's currency on its date, looked up once per quote. */
    private Uni<Optional<AppliedRate>> rateFrom(Cart cart, String currency) {
        Optional<AppliedRate> known = cart.rates.get(currency);
        if (known != null) {
            return Uni.createFrom().item(known);
        }
        return rates.rateOn(currency, cart.currency, cart.date).invoke(rate -> cart.rates.put(currency, rate));
    }

    private static LinePrice linePrice(int index, PriceDefinition definition, BigDecimal quantity, String priceCurrency,
            Cart cart, CatalogDiscount discount) {
        AppliedRate rate = cart.rates.getOrDefault(priceCurrency, Optional.empty()).orElse(null);
        try {
            return LinePrice.of(definition, quantity, priceCurrency, rate == null ? null : rate.conversion(), null,
                    discount == null ? null : discount.arithmetic());
        } catch (PricingException e) {
            String field = "currency".equals(e.field()) && discount != null ? "discountCode" : field(index, e.field());
            throw new PricingException(field, e.getMessage());
        }
    }

    static String field(int index, String name) {
        return "items[" + index + "]." + name;
    }

    /** A line as the API shows it, with the engine's figures it was made from. */
    private record Priced(QuoteResponse.Line line, LinePrice price) {
    }

    /** A quote being computed: the request, normalised, and what was loaded for it. */
    private static final class Cart {

        final String currency;
        final LocalDate date;
        final String priceList;
        final String discountCode;
        final List<QuoteRequest.Item> items;
        final Map<String, QuotedArticle> articles = new HashMap<>();
        final Map<Integer, PublishedPlanVersion> planVersions = new HashMap<>();
        final List<CatalogDiscount> discounts = new ArrayList<>();
        /** Price currency → the rate into the quote's currency (empty: none on the date, or none needed). */
        final Map<String, Optional<AppliedRate>> rates = new HashMap<>();

        private Cart(String currency, LocalDate date, String priceList, String discountCode,
                List<QuoteRequest.Item> items) {
            this.currency = currency;
            this.date = date;
            this.priceList = priceList;
            this.discountCode = discountCode;
            this.items = items;
            rates.put(currency, Optional.empty()); // no conversion within one currency
        }

        static Cart of(QuoteRequest request, LocalDate today) {
            String currency = Currencies.normalize(request.currency(), "currency");
            LocalDate date = request.date() != null ? request.date() : today;
            String priceList = request.priceList() != null ? request.priceList() : ArticlePrice.PURCHASE;
            for (int index = 0; index < request.items().size(); index++) {
                QuoteRequest.Item item = request.items().get(index);
                if ((item.sku() == null) == (item.planId() == null)) {
                    throw ApiException.invalidField("items[" + index + "]", "must name either a sku or a planId");
                }
                if (item.planId() != null && item.version() == null) {
                    throw ApiException.invalidField(field(index, "version"), "is required with planId: the published"
                            + " version to price");
                }
                if (item.sku() != null && item.usage() != null) {
                    throw ApiException.invalidField(field(index, "usage"), "only plan versions have usage prices");
                }
            }
            return new Cart(currency, date, priceList, request.discountCode(), request.items());
        }

        /** The discount with the quote's code that the owner gives on {@code target} for {@code quantity}, if any. */
        CatalogDiscount discountFor(String ownerId, DiscountTarget target, BigDecimal quantity, DiscountService rules) {
            return discounts.stream()
                    .filter(discount -> discount.ownerId.equals(ownerId) && discount.activeOn(date)
                            && discount.hasRedemptionsLeft() && discount.acceptsUnits(quantity.longValue())
                            && rules.appliesTo(discount, target))
                    .findFirst().orElse(null);
        }

        Priced line(int index, String sku, String planId, Integer version, String priceId, String costType,
                String dimensionKey, String description, BigDecimal quantity, String priceCurrency,
                CatalogDiscount discount, LinePrice price) {
            AppliedRate rate = rates.getOrDefault(priceCurrency, Optional.empty()).orElse(null);
            QuoteResponse.Rate shown = rate == null || rate.rateId() == null ? null
                    : new QuoteResponse.Rate(rate.rateId(), rate.baseCurrency(), rate.counterCurrency(), rate.rate(),
                            rate.validFrom(), rate.inverse());
            return new Priced(new QuoteResponse.Line(index, sku, planId, version, priceId, costType, dimensionKey,
                    description, quantity, priceCurrency, shown, price.unitPrice(), price.list().amount(),
                    discount == null ? null : discount.id, price.discount().amount(), price.total().amount()), price);
        }

        QuoteResponse response(List<Priced> priced) {
            if (discountCode != null && priced.stream().noneMatch(line -> line.line().discountId() != null)) {
                throw ApiException.invalidField("discountCode", "no discount with this code covers an item of this"
                        + " quote on " + date);
            }
            QuoteTotals totals = QuoteTotals.of(currency, priced.stream().map(Priced::price).toList());
            return new QuoteResponse("quote", currency, date, priceList, discountCode,
                    priced.stream().map(Priced::line).toList(),
                    new QuoteResponse.Totals(totals.list().amount(), totals.discount().amount(), totals.total().amount()));
        }
    }
}
