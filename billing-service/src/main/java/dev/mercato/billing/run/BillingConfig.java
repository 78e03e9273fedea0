package dev.mercato.billing.run;

import java.math.BigDecimal;
import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** When billing works on its own (the scheduled runs at period end, the usage adjustment sweep) and the commission model. */
@ConfigMapping(prefix = "mercato.billing")
public interface BillingConfig {

    /** How often the usage adjustment sweep looks for usage changed after its period was invoiced. */
    @WithDefault("PT30S")
    Duration adjustmentInterval();

    /** The scheduled billing run. */
    Schedule schedule();

    /** The commission model's figures (see the module README, "Commissions"). */
    Commission commission();

    interface Commission {

        /** The distributor's share of the channel margin when a partner resells under it (a fraction). */
        @WithDefault("0.30")
        BigDecimal distributorShare();

        /** The platform's fee on what the customer pays (a fraction). */
        @WithDefault("0.10")
        BigDecimal platformFee();
    }

    interface Schedule {

        /** Whether billing runs the previous month by itself (customers whose period has ended and are not yet invoiced). */
        @WithDefault("true")
        boolean enabled();

        /** How often the scheduled run looks; a customer is billed on the first look after its period ends. */
        @WithDefault("PT1H")
        Duration interval();

        /** Whether the scheduled run finalizes the invoices it creates. */
        @WithDefault("false")
        boolean finalizeInvoices();
    }
}
