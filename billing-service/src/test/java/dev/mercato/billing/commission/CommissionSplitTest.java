package dev.mercato.billing.commission;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** The commission split of the module README's worked example, and the channels it meets. */
class CommissionSplitTest {

    static final CommissionRates RATES = new CommissionRates(new BigDecimal("0.30"), new BigDecimal("0.10"));
    static final Map<String, String> KINDS = Map.of("plat", "PLATFORM", "dist", "DISTRIBUTOR", "part", "PARTNER",
            "ten", "TENANT", "ten2", "TENANT", "part2", "PARTNER");

    /** List 1,000.00, purchase 750.00, 20 % off (200.00) funded 50 % by the partner and 10 % by the base partner. */
    static final CommissionSplit.Line EXAMPLE = new CommissionSplit.Line(new BigDecimal("1000.00"),
            new BigDecimal("200.00"), new BigDecimal("800.00"), new BigDecimal("750.00"), new BigDecimal("50.00"),
            new BigDecimal("10.00"));

    @Test
    void partnerUnderDistributorSharesTheMarginAndFundsTheDiscount() {
        Channel channel = Channel.of("plat/dist/part/ten", KINDS);

        assertThat(rounded(CommissionSplit.split(EXAMPLE, channel, RATES)))
                .containsExactly(Map.entry("part", "75.00"), Map.entry("dist", "55.00"), Map.entry("plat", "80.00"));
    }

    @Test
    void aResellerAloneTakesTheWholeMarginAndFundsBothShares() {
        assertThat(rounded(CommissionSplit.split(EXAMPLE, Channel.of("plat/part2/ten2", KINDS), RATES)))
                .containsExactly(Map.entry("part2", "130.00"), Map.entry("plat", "80.00"));
        assertThat(rounded(CommissionSplit.split(EXAMPLE, Channel.of("plat/dist/ten", KINDS), RATES)))
                .containsExactly(Map.entry("dist", "130.00"), Map.entry("plat", "80.00"));
    }

    @Test
    void withoutChannelOrPurchasePriceOnlyThePlatformEarns() {
        assertThat(rounded(CommissionSplit.split(EXAMPLE, Channel.of("plat/ten", KINDS), RATES)))
                .containsExactly(Map.entry("plat", "80.00"));
        CommissionSplit.Line noPurchasePrice = new CommissionSplit.Line(new BigDecimal("1000.00"), BigDecimal.ZERO,
                new BigDecimal("1000.00"), null, null, null);
        assertThat(rounded(CommissionSplit.split(noPurchasePrice, Channel.of("plat/dist/part/ten", KINDS), RATES)))
                .containsExactly(Map.entry("part", "0.00"), Map.entry("dist", "0.00"), Map.entry("plat", "100.00"));
    }

    @Test
    void aChannelThatFundsMoreDiscountThanItsMarginPaysTheDifference() {
        CommissionSplit.Line deep = new CommissionSplit.Line(new BigDecimal("100.00"), new BigDecimal("60.00"),
                new BigDecimal("40.00"), new BigDecimal("90.00"), new BigDecimal("50.00"), null);

        assertThat(rounded(CommissionSplit.split(deep, Channel.of("plat/part2/ten2", KINDS), RATES)))
                .containsExactly(Map.entry("part2", "-20.00"), Map.entry("plat", "4.00"));
    }

    @Test
    void aVoidTakesBackExactlyWhatTheLineEarnedAndACorrectionItsProportion() {
        Channel channel = Channel.of("plat/dist/part/ten", KINDS);

        assertThat(rounded(CommissionSplit.splitNote(new BigDecimal("-800.00"), EXAMPLE, channel, RATES)))
                .containsExactly(Map.entry("part", "-75.00"), Map.entry("dist", "-55.00"), Map.entry("plat", "-80.00"));
        assertThat(rounded(CommissionSplit.splitNote(new BigDecimal("80.00"), EXAMPLE, channel, RATES)))
                .containsExactly(Map.entry("part", "7.50"), Map.entry("dist", "5.50"), Map.entry("plat", "8.00"));
        assertThat(rounded(CommissionSplit.splitNote(new BigDecimal("12.50"), null, channel, RATES)))
                .containsExactly(Map.entry("part", "0.00"), Map.entry("dist", "0.00"), Map.entry("plat", "1.25"));
    }

    @Test
    void theChannelIsReadFromTheCustomersPath() {
        Channel channel = Channel.of("plat/dist/part/ten", KINDS);

        assertThat(channel.reseller()).isEqualTo(new Channel.Beneficiary("part", "PARTNER", "plat/dist/part"));
        assertThat(channel.upper()).isEqualTo(new Channel.Beneficiary("dist", "DISTRIBUTOR", "plat/dist"));
        assertThat(channel.platform()).isEqualTo(new Channel.Beneficiary("plat", "PLATFORM", "plat"));
        assertThat(Channel.of("plat/ten", KINDS)).isEqualTo(new Channel(null, null,
                new Channel.Beneficiary("plat", "PLATFORM", "plat")));
    }

    private static List<Map.Entry<String, String>> rounded(List<CommissionSplit.Share> shares) {
        return shares.stream().map(share -> Map.entry(share.beneficiary().id(),
                share.amount().setScale(2, RoundingMode.HALF_EVEN).toPlainString())).toList();
    }
}
