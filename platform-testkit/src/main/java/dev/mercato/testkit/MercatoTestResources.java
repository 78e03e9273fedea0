package dev.mercato.testkit;

import java.util.HashMap;
import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * The one test resource every service uses: a real Kafka broker in the test JVM and the service's
 * own fresh PostgreSQL database. Declare it once per service module, on one class, so Quarkus boots
 * once for all the module's tests:
 *
 * <pre>{@code
 * @QuarkusTestResource(value = MercatoTestResources.class, initArgs = @ResourceArg(name = "service", value = "order"))
 * public class TestResources { }
 * }</pre>
 */
public class MercatoTestResources implements QuarkusTestResourceLifecycleManager {

    private String service;

    @Override
    public void init(Map<String, String> initArgs) {
        service = initArgs.getOrDefault("service", "service");
    }

    @Override
    public Map<String, String> start() {
        TestDatabase database = TestDatabase.recreate(service);
        Map<String, String> config = new HashMap<>();
        config.put("kafka.bootstrap.servers", EmbeddedKafka.bootstrapServers());
        config.put("mercato.db.host", database.host);
        config.put("mercato.db.port", database.port);
        config.put("mercato.db.user", database.user);
        config.put("mercato.db.password", database.password);
        config.put("mercato.db.name", database.name);
        return config;
    }

    @Override
    public void stop() {
        // The broker stops with the JVM; the database is kept for inspection until the next run.
    }
}
