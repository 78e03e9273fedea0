package dev.mercato.billing.run;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.mercato.billing.rating.PlanPrices;
import dev.mercato.billing.rating.RatedLine;
import dev.mercato.billing.rating.RatingException;
import dev.mercato.billing.rating.SubscriptionRater;
import dev.mercato.billing.rating.SubscriptionTerms;

/** Rates every subscription of one customer for its period, from loaded read models. */
final class CustomerRating {

    private CustomerRating() {
    }

    /** The customer's rated lines, subscription by subscription in id order; throws {@link RatingException}. */
    static List<RatedLine> rate(DueCustomer customer, RatingInputs.Loaded loaded) {
        List<RatedLine> lines = new ArrayList<>();
        for (SubscriptionTerms subscription : loaded.subscriptionsByCustomer().getOrDefault(customer.id(), List.of())) {
            lines.addAll(SubscriptionRater.rate(new SubscriptionRater.Input(subscription, customer.period(),
                    customer.billingDay(), customer.currency(), PlanPrices.boughtBy(subscription, loaded.plansByListing()),
                    loaded.usageBySubscription().getOrDefault(subscription.id(), Map.of()), loaded.discounts(),
                    loaded.rates())));
        }
        return lines;
    }
}
