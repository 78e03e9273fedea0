package dev.mercato.billing.commission;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;

/**
 * How one invoice line's amount is shared through the channel (exact figures; the ledger rounds each share
 * once). With {@code L} the list amount, {@code D} the discount, {@code N = L − D} what the customer pays,
 * {@code W} the line at purchase prices and {@code M = max(L − W, 0)} the channel margin, {@code ps} and
 * {@code bs} the discount's partner and base-partner shares, {@code ds} the distributor share and {@code pf}
 * the platform fee:
 * <ul>
 * <li>a partner reselling under a distributor earns {@code M × (1 − ds) − D × ps}, that distributor
 * {@code M × ds − D × bs};</li>
 * <li>a reseller alone in the channel (a partner under the platform, a distributor selling directly) earns
 * {@code M − D × (ps + bs)};</li>
 * <li>the platform earns {@code pf × N}.</li>
 * </ul>
 * The rest of {@code N} is the vendor's. A share may be negative: a channel that funds more discount than its
 * margin pays the difference.
 */
public final class CommissionSplit {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private CommissionSplit() {
    }

    /**
     * A line's figures in the invoice currency, the discount's shares as percentages (null: none).
     *
     * @param wholesale the line at purchase prices; null when unknown (no margin)
     */
    public record Line(BigDecimal list, BigDecimal discount, BigDecimal amount, BigDecimal wholesale,
            BigDecimal partnerSharePercentage, BigDecimal basePartnerSharePercentage) {
    }

    /** One beneficiary's exact share of a line. */
    public record Share(Channel.Beneficiary beneficiary, BigDecimal amount) {

        Share scaled(BigDecimal factor) {
            return new Share(beneficiary, amount.multiply(factor, MathContext.DECIMAL128));
        }
    }

    public static List<Share> split(Line line, Channel channel, CommissionRates rates) {
        BigDecimal margin = line.wholesale() == null ? BigDecimal.ZERO : line.list().subtract(line.wholesale()).max(BigDecimal.ZERO);
        BigDecimal partnerFunds = line.discount().multiply(fraction(line.partnerSharePercentage()));
        BigDecimal basePartnerFunds = line.discount().multiply(fraction(line.basePartnerSharePercentage()));
        List<Share> shares = new ArrayList<>(3);
        if (channel.reseller() != null && channel.upper() != null) {
            BigDecimal upperMargin = margin.multiply(rates.distributorShare());
            shares.add(new Share(channel.reseller(), margin.subtract(upperMargin).subtract(partnerFunds)));
            shares.add(new Share(channel.upper(), upperMargin.subtract(basePartnerFunds)));
        } else if (channel.reseller() != null) {
            shares.add(new Share(channel.reseller(), margin.subtract(partnerFunds).subtract(basePartnerFunds)));
        }
        if (channel.platform() != null) {
            shares.add(new Share(channel.platform(), line.amount().multiply(rates.platformFee())));
        }
        return shares;
    }

    /**
     * The shares of a note line of {@code noteAmount} that corrects an invoice line: the invoice line's shares
     * in proportion to the amounts (a void, {@code −amount}, takes back exactly what was earned). Without an
     * invoice line to follow, or one of amount zero, the note line is split as an undiscounted line without
     * margin.
     */
    public static List<Share> splitNote(BigDecimal noteAmount, Line corrected, Channel channel, CommissionRates rates) {
        if (corrected == null || corrected.amount().signum() == 0) {
            return split(new Line(noteAmount, BigDecimal.ZERO, noteAmount, null, null, null), channel, rates);
        }
        BigDecimal factor = noteAmount.divide(corrected.amount(), MathContext.DECIMAL128);
        return split(corrected, channel, rates).stream().map(share -> share.scaled(factor)).toList();
    }

    private static BigDecimal fraction(BigDecimal percentage) {
        return percentage == null ? BigDecimal.ZERO : percentage.divide(HUNDRED);
    }
}
