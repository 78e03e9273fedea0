package dev.mercato.platform.persistence;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.vertx.pgclient.PgConnectOptions;

/**
 * Connections of the service's database outside the shared pool, for work that needs settings of its own (the outbox's
 * {@code LISTEN} and relay connections, the webhook engine's pool): the datasource's URL and credentials, each
 * connection named ({@code application_name}) so that an operator can tell it apart in {@code pg_stat_activity}.
 */
@ApplicationScoped
public class OwnConnections {

    private final PgConnectOptions datasource;

    public OwnConnections(@ConfigProperty(name = "quarkus.datasource.reactive.url") String url,
            @ConfigProperty(name = "quarkus.datasource.username") String user,
            @ConfigProperty(name = "quarkus.datasource.password") Optional<String> password) {
        this.datasource = PgConnectOptions.fromUri(url.startsWith("vertx-reactive:") ? url.substring(15) : url)
                .setUser(user).setPassword(password.orElse(""));
    }

    /**
     * The datasource's options with {@code settings} (run-time parameters sent at connection start) added; statements
     * are prepared once per connection, as on the pool.
     */
    public PgConnectOptions options(String applicationName, Map<String, String> settings) {
        Map<String, String> properties = new HashMap<>(datasource.getProperties());
        properties.putAll(settings);
        properties.put("application_name", applicationName);
        return new PgConnectOptions(datasource).setProperties(properties).setCachePreparedStatements(true);
    }
}
