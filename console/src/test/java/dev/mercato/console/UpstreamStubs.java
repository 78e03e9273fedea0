package dev.mercato.console;

import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Starts identity's and webhook's stubs and an OpenID provider before the console and points the console at them.
 */
public class UpstreamStubs implements QuarkusTestResourceLifecycleManager {

    static final IdentityStub IDENTITY = new IdentityStub();
    static final WebhookStub WEBHOOK = new WebhookStub();
    static final ProviderStub PROVIDER = new ProviderStub();

    @Override
    public Map<String, String> start() {
        IDENTITY.start();
        WEBHOOK.start();
        PROVIDER.start();
        return Map.of("mercato.console.identity-url", IDENTITY.url(), "mercato.console.webhook-url", WEBHOOK.url(),
                "mercato.console.public-url", "https://console.test",
                "mercato.console.federation.test.issuer-url", PROVIDER.url(),
                "mercato.console.federation.test.client-id", ProviderStub.CLIENT_ID,
                "mercato.console.federation.test.label", "Test ID");
    }

    @Override
    public void stop() {
        IDENTITY.stop();
        WEBHOOK.stop();
        PROVIDER.stop();
    }
}
