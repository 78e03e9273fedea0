package dev.mercato.console;

import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Starts the services' stubs (identity, webhook, catalog, order, billing, metering) and an OpenID provider before the
 * console and points the console at them.
 */
public class UpstreamStubs implements QuarkusTestResourceLifecycleManager {

    static final IdentityStub IDENTITY = new IdentityStub();
    static final WebhookStub WEBHOOK = new WebhookStub();
    static final CatalogStub CATALOG = new CatalogStub();
    static final ProviderStub PROVIDER = new ProviderStub();
    static final OrderStub ORDER = new OrderStub();
    static final BillingStub BILLING = new BillingStub();
    static final MeteringStub METERING = new MeteringStub();

    @Override
    public Map<String, String> start() {
        IDENTITY.start();
        WEBHOOK.start();
        CATALOG.start();
        PROVIDER.start();
        ORDER.start();
        BILLING.start();
        METERING.start();
        return Map.of("mercato.console.identity-url", IDENTITY.url(), "mercato.console.webhook-url", WEBHOOK.url(),
                "mercato.console.catalog-url", CATALOG.url(),
                "mercato.console.order-url", ORDER.url(), "mercato.console.billing-url", BILLING.url(),
                "mercato.console.metering-url", METERING.url(),
                "mercato.console.public-url", "https://console.test",
                "mercato.console.federation.test.issuer-url", PROVIDER.url(),
                "mercato.console.federation.test.client-id", ProviderStub.CLIENT_ID,
                "mercato.console.federation.test.label", "Test ID");
    }

    @Override
    public void stop() {
        IDENTITY.stop();
        WEBHOOK.stop();
        CATALOG.stop();
        PROVIDER.stop();
        ORDER.stop();
        BILLING.stop();
        METERING.stop();
    }
}
