package dev.mercato.platform.outbox;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.vertx.pgclient.PgConnectOptions;

/**
 * How the outbox's own connections — the {@code LISTEN} and the relay's — reach the service's database: the
 * datasource's URL and credentials, each connection named ({@code application_name}) so that an operator can tell
 * it apart in {@code pg_stat_activity}.
 */
@ApplicationScoped
public class OutboxDatabase {

    private final PgConnectOptions datasource;

    public OutboxDatabase(@ConfigProperty(name = "quarkus.datasource.reactive.url") String url,
            @ConfigProperty(name = "quarkus.datasource.username") String user,
            @ConfigProperty(name = "quarkus.datasource.password") Optional<String> password) {
        this.datasource = PgConnectOptions.fromUri(url.startsWith("vertx-reactive:") ? url.substring(15) : url)
                .setUser(user).setPassword(password.orElse(""));
    }

    /**
     * The datasource's options with {@code settings} (run-time parameters sent at connection start) added; statements
     * are prepared once per connection, as on the pool.
     */
    PgConnectOptions options(String applicationName, Map<String, String> settings) {
        Map<String, String> properties = new HashMap<>(datasource.getProperties());
        properties.putAll(settings);
        properties.put("application_name", applicationName);
        return new PgConnectOptions(datasource).setProperties(properties).setCachePreparedStatements(true);
    }
}
