package dev.mercato.order.backbone;

import java.util.Map;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Outbox settings for this module's tests: the fallback poll is ten minutes, so an event that
 * reaches Kafka within a test was relayed because its commit notified the relay; the backoff stops
 * at one second, so a test that takes Kafka down and back does not wait the production five.
 */
@QuarkusTestResource(RelayTestConfig.class)
public class RelayTestConfig implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        return Map.of("mercato.outbox.fallback-poll", "PT10M", "mercato.outbox.max-backoff", "PT1S");
    }

    @Override
    public void stop() {
    }
}
