package dev.mercato.metering.balance;

import java.math.BigDecimal;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * Prepaid token balances. Environment: {@code MERCATO_METERING_BALANCE_…}.
 *
 * <ul>
 * <li>{@code mercato.metering.balance.low-threshold} (100): {@code balance.low} is published when usage takes a
 * balance below this many tokens.</li>
 * </ul>
 */
@ConfigMapping(prefix = "mercato.metering.balance")
public interface BalanceConfig {

    /** Tokens below which a balance is low: crossing it downward publishes {@code balance.low} once. */
    @WithDefault("100")
    BigDecimal lowThreshold();
}
