package dev.mercato.identity.organization;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The root organization, created once at first start-up. Environment: {@code MERCATO_PLATFORM_…}. */
@ConfigMapping(prefix = "mercato.platform")
public interface PlatformConfig {

    /** The operator's name. */
    @WithDefault("Mercato Marketplace")
    String name();

    /** ISO 3166-1 alpha-2 country of the operator. */
    @WithDefault("FI")
    String countryCode();

    /** ISO 4217 currency the operator reports in. */
    @WithDefault("eur")
    String currency();
}
