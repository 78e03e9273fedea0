package dev.mercato.billing.rating;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;

import dev.mercato.platform.events.PlanChangedV1.PriceDefinitionV1;
import dev.mercato.pricing.Discount;
import dev.mercato.pricing.Money;
import dev.mercato.pricing.PriceDefinition;

/**
 * A subscription's monthly recurring revenue on a day, with the prices and the discount choice of
 * {@link SubscriptionRater}: its recurring charge for one month at the quantity of that day, after the automatic
 * discount of that day, in its price currency, exact (unrounded). No usage, no one-time charges.
 */
public final class MonthlyRecurring {

    private MonthlyRecurring() {
    }

    /**
     * The MRR on {@code day}, or null when the subscription does not run that day or has no recurring price.
     *
     * @param plan the plan version it bought ({@link PlanPrices#boughtBy}), or null: its SRP for the term then
     * @param customerCurrency the currency its SRP is charged in when the SRP has a price in it
     * @throws RatingException when a price cannot be computed
     */
    public static Money on(LocalDate day, SubscriptionTerms subscription, PlanPrices plan, int billingDay,
            String customerCurrency, List<DiscountRule> discounts) {
        if (!subscription.runsOn(day)) {
            return null;
        }
        BigDecimal quantity = BigDecimal.valueOf(subscription.quantityOn(day));
        int cycle = SubscriptionRater.cycle(subscription, BillingPeriod.containing(day, billingDay), billingDay);
        if (plan != null) {
            Money total = Money.zero(plan.currency());
            BigDecimal months = BigDecimal.valueOf(plan.periodMonths());
            for (PriceDefinitionV1 price : plan.definitions()) {
                if (RatedLine.RECURRING.equals(price.costTypeCategory())) {
                    total = total.plus(discounted(SubscriptionRater.definition(price), quantity, months, plan.currency(),
                            day, cycle, subscription, plan, discounts));
                }
            }
            return total;
        }
        String currency = SubscriptionRater.priceCurrency(subscription.srpPrice(), customerCurrency);
        if (currency == null) {
            return null;
        }
        return discounted(SubscriptionRater.srpDefinition(subscription.srpPrice().get(currency)), quantity,
                termMonths(subscription.startDate(), subscription.endDate()), currency, day, cycle, subscription, null,
                discounts);
    }

    /** Months from {@code start} to {@code end} (both included): whole calendar months, plus the days left as a share of their month. */
    static BigDecimal termMonths(LocalDate start, LocalDate end) {
        LocalDate after = end.plusDays(1);
        long whole = ChronoUnit.MONTHS.between(start, after);
        LocalDate rest = start.plusMonths(whole);
        BigDecimal days = BigDecimal.valueOf(ChronoUnit.DAYS.between(rest, after));
        return BigDecimal.valueOf(whole).add(days.divide(BigDecimal.valueOf(rest.lengthOfMonth()), MathContext.DECIMAL128));
    }

    private static Money discounted(PriceDefinition definition, BigDecimal quantity, BigDecimal months, String currency,
            LocalDate day, int cycle, SubscriptionTerms subscription, PlanPrices plan, List<DiscountRule> discounts) {
        Money monthly;
        try {
            monthly = new Money(definition.amountFor(quantity).divide(months, MathContext.DECIMAL128), currency);
        } catch (IllegalArgumentException e) { // a PricingException
            throw new RatingException("subscription " + subscription.id() + ": " + e.getMessage());
        }
        DiscountRule rule = SubscriptionRater.automaticDiscount(discounts, subscription, plan, day, cycle, quantity, currency);
        Discount discount = rule == null ? null : rule.toDiscount(currency);
        return discount == null ? monthly : monthly.minus(discount.amountOff(monthly));
    }
}
