package dev.mercato.billing.analytics;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import dev.mercato.billing.rating.ExchangeRates;
import dev.mercato.billing.rating.MonthlyRecurring;
import dev.mercato.billing.rating.PlanPrices;
import dev.mercato.billing.rating.RatingException;
import dev.mercato.billing.rating.SubscriptionTerms;
import dev.mercato.billing.run.RatingInputs;
import dev.mercato.pricing.Money;

/**
 * Computes the months of a revenue answer in memory: every subscription's MRR at the end of each month (and of the
 * month before the first), its movements from one month's end to the next, gathered per price currency and
 * converted to the reporting currency at the rate valid on the month's last day.
 */
final class MonthlyRevenue {

    /** A customer whose subscriptions count: its currency and billing day decide SRP currency and discount cycles. */
    record Customer(String id, String currency, int billingDay) {
    }

    private record Subscription(String customerId, SubscriptionTerms terms, Money[] mrrByMonthEnd) {
    }

    private MonthlyRevenue() {
    }

    /** The months of {@code range}, oldest first; throws {@link RatingException} when a price cannot be computed. */
    static List<RevenueResponse.Month> compute(RevenueRange range, String reportingCurrency, List<Customer> customers,
            RatingInputs.Loaded loaded) {
        YearMonth before = range.from().minusMonths(1);
        int ends = (int) ChronoUnit.MONTHS.between(before, range.to()) + 1;
        List<Subscription> subscriptions = new ArrayList<>();
        for (Customer customer : customers) {
            for (SubscriptionTerms terms : loaded.subscriptionsByCustomer().getOrDefault(customer.id(), List.of())) {
                PlanPrices plan = PlanPrices.boughtBy(terms, loaded.plansByListing());
                Money[] mrr = new Money[ends];
                for (int i = 0; i < ends; i++) {
                    mrr[i] = MonthlyRecurring.on(before.plusMonths(i).atEndOfMonth(), terms, plan, customer.billingDay(),
                            customer.currency(), loaded.discounts());
                }
                subscriptions.add(new Subscription(customer.id(), terms, mrr));
            }
        }
        List<RevenueResponse.Month> months = new ArrayList<>();
        for (int i = 1; i < ends; i++) {
            months.add(month(before.plusMonths(i), i, subscriptions, reportingCurrency, loaded.rates()));
        }
        return months;
    }

    private static RevenueResponse.Month month(YearMonth month, int index, List<Subscription> subscriptions,
            String reportingCurrency, ExchangeRates rates) {
        LocalDate asOf = month.atEndOfMonth();
        Map<String, RevenueAmounts> byCurrency = new TreeMap<>();
        int running = 0;
        Set<String> customers = new HashSet<>();
        for (Subscription subscription : subscriptions) {
            if (subscription.terms().runsOn(asOf)) {
                running++;
                customers.add(subscription.customerId());
            }
            Money before = subscription.mrrByMonthEnd()[index - 1];
            Money after = subscription.mrrByMonthEnd()[index];
            if (after != null) {
                amounts(byCurrency, after.currency()).addMrr(after.amount());
            }
            if (before != null && after != null && before.currency().equals(after.currency())) {
                amounts(byCurrency, after.currency()).addMovement(before.amount(), after.amount());
            } else {
                // a subscription appearing, ending, or now priced in another currency
                if (before != null && before.amount().signum() != 0) {
                    amounts(byCurrency, before.currency()).addMovement(before.amount(), BigDecimal.ZERO);
                }
                if (after != null && after.amount().signum() != 0) {
                    amounts(byCurrency, after.currency()).addMovement(BigDecimal.ZERO, after.amount());
                }
            }
        }
        RevenueAmounts totals = new RevenueAmounts(reportingCurrency);
        Map<String, RevenueResponse.Figures> figures = new LinkedHashMap<>();
        Map<String, BigDecimal> appliedRates = new TreeMap<>();
        List<RevenueResponse.Unconverted> unconverted = new ArrayList<>();
        byCurrency.forEach((currency, amounts) -> {
            figures.put(currency, amounts.figures());
            try {
                ExchangeRates.Applied rate = rates.on(currency, reportingCurrency, asOf);
                totals.addConverted(amounts, rate == null ? null : rate.conversion());
                if (rate != null) {
                    appliedRates.put(currency, rate.rate());
                }
            } catch (RatingException e) {
                unconverted.add(new RevenueResponse.Unconverted(currency, "Not in the totals: " + e.getMessage() + "."));
            }
        });
        return new RevenueResponse.Month(month.toString(), asOf, running, customers.size(), totals.figures(), figures,
                appliedRates, unconverted);
    }

    private static RevenueAmounts amounts(Map<String, RevenueAmounts> byCurrency, String currency) {
        return byCurrency.computeIfAbsent(currency, RevenueAmounts::new);
    }
}
