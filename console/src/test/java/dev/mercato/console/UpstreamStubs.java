package dev.mercato.console;

import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Starts identity's, webhook's and catalog's stubs and an OpenID provider before the console and points the console at
 * them.
 */
public class UpstreamStubs implements QuarkusTestResourceLifecycleManager {

    static final IdentityStub IDENTITY = new IdentityStub();
    static final WebhookStub WEBHOOK = new WebhookStub();
    static final CatalogStub CATALOG = new CatalogStub();
    static final ProviderStub PROVIDER = new ProviderStub();

    @Override
    public Map<String, String> start() {
        IDENTITY.start();
        WEBHOOK.start();
        CATALOG.start();
        PROVIDER.start();
        return Map.of("mercato.console.identity-url", IDENTITY.url(), "mercato.console.webhook-url", WEBHOOK.url(),
                "mercato.console.catalog-url", CATALOG.url(),
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
    }
}
