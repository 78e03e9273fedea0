package dev.mercato.pricing;

import java.util.List;

/** The sums of a cart's lines in one currency: each line was rounded once, so the totals add exactly. */
public record QuoteTotals(Money list, Money discount, Money total) {

    public static QuoteTotals of(String currency, List<LinePrice> lines) {
        Money list = Money.zero(currency);
        Money discount = Money.zero(currency);
        Money total = Money.zero(currency);
        for (LinePrice line : lines) {
            list = list.plus(line.list());
            discount = discount.plus(line.discount());
            total = total.plus(line.total());
        }
        return new QuoteTotals(list.rounded(), discount.rounded(), total.rounded());
    }
}
