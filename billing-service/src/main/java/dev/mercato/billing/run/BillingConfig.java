package dev.mercato.billing.run;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** When billing works on its own: the scheduled runs at period end and the usage adjustment sweep. */
@ConfigMapping(prefix = "mercato.billing")
public interface BillingConfig {

    /** How often the usage adjustment sweep looks for usage changed after its period was invoiced. */
    @WithDefault("PT30S")
    Duration adjustmentInterval();

    /** The scheduled billing run. */
    Schedule schedule();

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
