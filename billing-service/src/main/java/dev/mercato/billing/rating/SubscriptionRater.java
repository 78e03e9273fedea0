package dev.mercato.billing.rating;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

import dev.mercato.platform.events.PlanChangedV1.PriceDefinitionV1;
import dev.mercato.platform.events.PlanChangedV1.PriceRangeV1;
import dev.mercato.pricing.Discount;
import dev.mercato.pricing.LinePrice;
import dev.mercato.pricing.PriceDefinition;
import dev.mercato.pricing.PricingStrategy;
import dev.mercato.pricing.Term;
import dev.mercato.pricing.Tier;

/**
 * Rates one subscription for one billing period, in memory, with the shared pricing engine:
 * <ul>
 * <li>recurring charges for the days of the period it runs, split where its quantity changed — through its
 * plan's recurring prices (per plan pricing period) when it meters a listing that has a plan, else through
 * its SRP for the term, prorated by the share of the term each part is;</li>
 * <li>one-time prices of its plan, in the period it starts in;</li>
 * <li>usage per dimension through the plan's usage price for that dimension (dimensions without one are not
 * charged);</li>
 * <li>the first (by id) automatic discount that targets the line and applies on its first day, in its cycle,
 * for its quantity; conversion to the invoice currency at the rate valid on the line's rate date.</li>
 * </ul>
 * Each line is rounded once, by {@link LinePrice}.
 */
public final class SubscriptionRater {

    private SubscriptionRater() {
    }

    /** Everything one subscription is rated with. {@code plan} is null for a subscription without a listing. */
    public record Input(SubscriptionTerms subscription, BillingPeriod period, int billingDay, String currency,
            PlanPrices plan, Map<String, BigDecimal> usage, List<DiscountRule> discounts, ExchangeRates rates) {
    }

    public static List<RatedLine> rate(Input in) {
        List<RatedLine> lines = new ArrayList<>();
        SubscriptionTerms subscription = in.subscription();
        LocalDate from = max(in.period().start(), subscription.startDate());
        LocalDate to = min(in.period().end(), subscription.billedUntil());
        List<LocalDate[]> segments = segments(subscription, from, to);
        for (LocalDate[] segment : segments) {
            if (in.plan() != null) {
                planRecurring(in, segment, lines);
            } else {
                srpRecurring(in, segment, lines);
            }
        }
        if (in.plan() != null) {
            oneTime(in, lines);
            usage(in, lines);
        }
        return lines;
    }

    /** The billing cycle of the subscription {@code period} is: 1 for the period it starts in. */
    static int cycle(SubscriptionTerms subscription, BillingPeriod period, int billingDay) {
        BillingPeriod first = BillingPeriod.containing(subscription.startDate(), billingDay);
        return (int) ChronoUnit.MONTHS.between(first.month(), period.month()) + 1;
    }

    private static void srpRecurring(Input in, LocalDate[] segment, List<RatedLine> lines) {
        SubscriptionTerms subscription = in.subscription();
        String priceCurrency = priceCurrency(subscription.srpPrice(), in.currency());
        int quantity = subscription.quantityOn(segment[0]);
        if (priceCurrency == null || quantity == 0) {
            return;
        }
        BigDecimal unit = subscription.srpPrice().get(priceCurrency);
        Term term = new Term(subscription.startDate(), subscription.endDate().plusDays(1));
        BigDecimal share = term.fractionBetween(segment[0], segment[1]);
        PriceDefinition definition = srpDefinition(unit);
        BigDecimal units = BigDecimal.valueOf(quantity);
        BigDecimal purPrice = subscription.purPrice().get(priceCurrency);
        PriceDefinition wholesale = purPrice == null ? null : definition(() -> PriceDefinition.perUnit(purPrice.toPlainString()));
        lines.add(line(in, RatedLine.RECURRING, describe(subscription), null, definition, wholesale, units, priceCurrency,
                segment, segment[0], share, purPrice, unit));
    }

    private static void planRecurring(Input in, LocalDate[] segment, List<RatedLine> lines) {
        PlanPrices plan = in.plan();
        int quantity = in.subscription().quantityOn(segment[0]);
        BigDecimal share = BigDecimal.valueOf(ChronoUnit.DAYS.between(segment[0], segment[1]))
                .divide(BigDecimal.valueOf(in.period().days() * plan.periodMonths()), MathContext.DECIMAL128);
        for (PriceDefinitionV1 price : plan.definitions()) {
            if (RatedLine.RECURRING.equals(price.costTypeCategory())) {
                lines.add(line(in, RatedLine.RECURRING, describe(in.subscription()), null, definition(price),
                        wholesaleDefinition(price), BigDecimal.valueOf(quantity), plan.currency(), segment, segment[0],
                        share, null, null));
            }
        }
    }

    private static void oneTime(Input in, List<RatedLine> lines) {
        LocalDate start = in.subscription().startDate();
        if (start.isBefore(in.period().start()) || !start.isBefore(in.period().end())) {
            return;
        }
        LocalDate[] day = {start, start.plusDays(1)};
        for (PriceDefinitionV1 price : in.plan().definitions()) {
            if (RatedLine.ONE_TIME.equals(price.costTypeCategory())) {
                lines.add(line(in, RatedLine.ONE_TIME, describe(in.subscription()) + " (one-time)", null,
                        definition(price), wholesaleDefinition(price), BigDecimal.valueOf(in.subscription().quantityOn(start)),
                        in.plan().currency(),
                        day, start, null, null, null));
            }
        }
    }

    private static void usage(Input in, List<RatedLine> lines) {
        LocalDate[] period = {in.period().start(), in.period().end()};
        LocalDate rateDate = in.period().end().minusDays(1);
        new TreeMap<>(in.usage()).forEach((dimension, quantity) -> in.plan().definitions().stream()
                .filter(price -> RatedLine.USAGE.equals(price.costTypeCategory()) && dimension.equals(price.dimensionKey()))
                .findFirst()
                .ifPresent(price -> lines.add(line(in, RatedLine.USAGE, dimension + " usage", dimension,
                        definition(price), wholesaleDefinition(price), quantity, in.plan().currency(), period, rateDate,
                        null, null, null))));
    }

    private static RatedLine line(Input in, String kind, String description, String dimension,
            PriceDefinition definition, PriceDefinition wholesale, BigDecimal quantity, String priceCurrency,
            LocalDate[] service, LocalDate rateDate, BigDecimal share, BigDecimal purPrice, BigDecimal srpPrice) {
        PlanPrices plan = in.plan();
        ExchangeRates.Applied rate = in.rates().on(priceCurrency, in.currency(), rateDate);
        DiscountRule rule = discountFor(in, kind, service[0], quantity);
        Discount discount = rule == null ? null : rule.toDiscount(in.currency());
        LinePrice price;
        BigDecimal wholesaleAmount;
        try {
            price = LinePrice.of(definition, quantity, priceCurrency, rate == null ? null : rate.conversion(), share,
                    discount);
            wholesaleAmount = wholesale == null ? null : LinePrice.of(wholesale, quantity, priceCurrency,
                    rate == null ? null : rate.conversion(), share, null).list().amount();
        } catch (IllegalArgumentException e) { // a PricingException, or currencies a line cannot combine
            throw new RatingException("subscription " + in.subscription().id() + ": " + e.getMessage());
        }
        return new RatedLine(kind, in.subscription().id(), description, in.subscription().sku(),
                plan == null ? null : plan.planId(), plan == null ? null : plan.version(), dimension, service[0],
                service[1], price, priceCurrency, rate == null ? null : rate.rate(), rate == null ? null : rate.date(),
                discount == null ? null : rule.id(), srpPrice, purPrice, wholesaleAmount);
    }

    private static DiscountRule discountFor(Input in, String kind, LocalDate day, BigDecimal quantity) {
        if (RatedLine.ONE_TIME.equals(kind)) {
            return null;
        }
        return automaticDiscount(in.discounts(), in.subscription(), in.plan(), day,
                cycle(in.subscription(), in.period(), in.billingDay()), quantity, in.currency());
    }

    /**
     * The first automatic discount (lowest id) that targets the subscription's plan, SKU or listing and applies on
     * {@code day}, in billing cycle {@code cycle}, for {@code quantity}, to a line in {@code lineCurrency}; or null.
     */
    static DiscountRule automaticDiscount(List<DiscountRule> discounts, SubscriptionTerms subscription, PlanPrices plan,
            LocalDate day, int cycle, BigDecimal quantity, String lineCurrency) {
        return discounts.stream()
                .filter(rule -> rule.targets(plan == null ? null : plan.planId(), plan == null ? null : plan.ownerId(),
                        subscription.sku(), subscription.listingId()))
                .filter(rule -> rule.appliesOn(day, cycle, quantity))
                .filter(rule -> rule.toDiscount(lineCurrency) != null)
                .min(Comparator.comparing(DiscountRule::id))
                .orElse(null);
    }

    /** The days from {@code from} to {@code to}, split where the quantity changes. */
    private static List<LocalDate[]> segments(SubscriptionTerms subscription, LocalDate from, LocalDate to) {
        List<LocalDate[]> segments = new ArrayList<>();
        if (!from.isBefore(to)) {
            return segments;
        }
        LocalDate start = from;
        for (SubscriptionTerms.QuantityChange change : subscription.quantities()) {
            if (change.from().isAfter(start) && change.from().isBefore(to)) {
                segments.add(new LocalDate[] {start, change.from()});
                start = change.from();
            }
        }
        segments.add(new LocalDate[] {start, to});
        return segments;
    }

    /** The currency a subscription's SRP is charged in: the invoice currency when it has a price in it, else the first by code. */
    static String priceCurrency(Map<String, BigDecimal> prices, String invoiceCurrency) {
        if (prices.containsKey(invoiceCurrency)) {
            return invoiceCurrency;
        }
        return prices.keySet().stream().sorted().findFirst().orElse(null);
    }

    private static String describe(SubscriptionTerms subscription) {
        if (subscription.description() != null && !subscription.description().isBlank()) {
            return subscription.description();
        }
        return subscription.sku() != null ? subscription.sku() : subscription.id();
    }

    /** An SRP (per quantity, for the term) as a price definition. */
    static PriceDefinition srpDefinition(BigDecimal unit) {
        return definition(() -> PriceDefinition.perUnit(unit.toPlainString()));
    }

    static PriceDefinition definition(PriceDefinitionV1 price) {
        return definition(price, PriceRangeV1::salePrice);
    }

    /**
     * The price the channel buys at: the same definition with each range's wholesale price as its unit price (a
     * flat amount carries no margin); null when a range has no wholesale price.
     */
    static PriceDefinition wholesaleDefinition(PriceDefinitionV1 price) {
        List<PriceRangeV1> ranges = ranges(price);
        if (ranges.isEmpty() || ranges.stream().anyMatch(range -> range.wholeSalePrice() == null)) {
            return null;
        }
        return definition(price, PriceRangeV1::wholeSalePrice);
    }

    private static PriceDefinition definition(PriceDefinitionV1 price, Function<PriceRangeV1, BigDecimal> unitPrice) {
        return definition(() -> {
            List<Tier> tiers = new ArrayList<>();
            for (PriceRangeV1 range : ranges(price)) {
                tiers.add(new Tier(range.min(), range.max(), unitPrice.apply(range), range.flatAmount()));
            }
            return new PriceDefinition(PricingStrategy.valueOf(price.pricingStrategy()), tiers, price.packageSize(),
                    price.unitAllowsDecimals(), price.increment());
        });
    }

    private static List<PriceRangeV1> ranges(PriceDefinitionV1 price) {
        return price.priceRanges() == null ? List.of() : price.priceRanges();
    }

    private static PriceDefinition definition(java.util.function.Supplier<PriceDefinition> build) {
        try {
            return build.get();
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new RatingException("a price cannot be computed: " + e.getMessage());
        }
    }

    private static LocalDate max(LocalDate a, LocalDate b) {
        return a.isAfter(b) ? a : b;
    }

    private static LocalDate min(LocalDate a, LocalDate b) {
        return a.isBefore(b) ? a : b;
    }
}
