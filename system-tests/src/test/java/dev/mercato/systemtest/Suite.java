package dev.mercato.systemtest;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The whole suite, started with {@code ./mercato up} as a developer would, on ports, a state folder
 * and databases of its own, and stopped with {@code ./mercato down}.
 */
final class Suite {

    static final List<String> SERVICES = List.of("identity", "catalog", "order", "metering", "billing", "webhook");
    /** {@code -Dsystemtest.db.prefix} lets two checkouts run system tests side by side (with another port base). */
    static final String DB_PREFIX = System.getProperty("systemtest.db.prefix", "mercato_systest");
    static final String BOOTSTRAP_CLIENT_ID = "app_systemtest_bootstrap";
    static final String BOOTSTRAP_CLIENT_SECRET = "systemtest-" + java.util.UUID.randomUUID();

    private final Path state = Path.of(System.getProperty("mercato.state", "target/mercato-suite")).toAbsolutePath();
    private final int portBase = Integer.getInteger("systemtest.port.base", 18080);
    private final Map<String, String> settings;

    Suite() {
        this(Map.of());
    }

    /**
     * A suite for load: rate limits off, since one test client (a drill, the fuzzer) sends far more than a client
     * may.
     */
    static Suite withoutRateLimits() {
        return new Suite(Map.of("MERCATO_RATE_LIMIT_ENABLED", "false", "MERCATO_IDENTITY_TOKEN_RATE_LIMIT_ENABLED", "false"));
    }

    /** A suite whose services run with {@code settings} (environment variables) besides the defaults. */
    Suite(Map<String, String> settings) {
        this.settings = Map.copyOf(settings);
    }

    int port(String service) {
        return portBase + 1 + SERVICES.indexOf(service);
    }

    String url(String service) {
        return "http://127.0.0.1:" + port(service);
    }

    /** The web console `up` starts beside the services. */
    String consoleUrl() {
        return "http://127.0.0.1:" + consolePort();
    }

    private int consolePort() {
        return portBase + 1 + SERVICES.size();
    }

    /** Starts the suite on fresh databases of its own, so every run begins from nothing. */
    void up() {
        dropDatabases();
        run("up", 600);
    }

    private void dropDatabases() {
        String url = "jdbc:postgresql://127.0.0.1:" + System.getenv().getOrDefault("MERCATO_PG_PORT", "5432") + "/postgres";
        try (java.sql.Connection admin = java.sql.DriverManager.getConnection(url, "postgres", "");
                java.sql.Statement statement = admin.createStatement()) {
            for (String service : SERVICES) {
                statement.execute("drop database if exists " + DB_PREFIX + "_" + service + " with (force)");
            }
        } catch (java.sql.SQLException e) {
            throw new AssertionError("could not reset the suite's databases at " + url, e);
        }
    }

    /** {@code ./mercato down}; every service must stop on SIGTERM, within the 20 s `down` gives it. */
    void down() {
        MercatoCli.Outcome outcome = run("down", 120);
        if (outcome.output().contains("ignored SIGTERM")) {
            throw new AssertionError("a service did not stop within 20 s of SIGTERM and was killed:\n" + outcome.output());
        }
    }

    /**
     * {@code ./mercato demo}: the demo marketplace and its month of activity, created through the API; run again on the
     * same suite, what the first run created.
     */
    MercatoCli.Outcome demo() {
        return run("demo", 900);
    }

    /** Runs {@code script} (from the repository root) against this suite, with {@code extra} variables. */
    MercatoCli.Outcome script(String script, Map<String, String> extra, int timeoutSeconds) {
        Map<String, String> env = environment();
        env.putAll(extra);
        return MercatoCli.script(state, env, timeoutSeconds, script);
    }

    /** A platform-admin access token from the suite's bootstrap client. */
    String adminToken() {
        return io.restassured.RestAssured.given().contentType("application/x-www-form-urlencoded")
                .formParam("grant_type", "client_credentials")
                .formParam("client_id", BOOTSTRAP_CLIENT_ID)
                .formParam("client_secret", BOOTSTRAP_CLIENT_SECRET)
                .post(url("identity") + "/oauth/token")
                .then().statusCode(200).extract().path("access_token");
    }

    private Map<String, String> environment() {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("MERCATO_DB_PREFIX", DB_PREFIX);
        env.put("MERCATO_KAFKA_PORT", String.valueOf(portBase + 12));
        env.put("MERCATO_KAFKA_CONTROLLER_PORT", String.valueOf(portBase + 13));
        env.put("MERCATO_SKIP_BUILD", System.getProperty("mercato.skip.build", "1"));
        env.put("MERCATO_BOOTSTRAP_CLIENT_ID", BOOTSTRAP_CLIENT_ID);
        env.put("MERCATO_BOOTSTRAP_CLIENT_SECRET", BOOTSTRAP_CLIENT_SECRET);
        for (String service : SERVICES) {
            env.put("MERCATO_" + service.toUpperCase() + "_PORT", String.valueOf(port(service)));
        }
        // `up` also starts the web console: on a port of the suite's own, never a developer's 8087.
        env.put("MERCATO_CONSOLE_PORT", String.valueOf(consolePort()));
        env.putAll(settings);
        return env;
    }

    private MercatoCli.Outcome run(String command, int timeoutSeconds) {
        MercatoCli.Outcome outcome = MercatoCli.run(state, environment(), timeoutSeconds, command);
        if (outcome.exitCode() != 0) {
            throw new AssertionError("./mercato " + command + " failed with " + outcome.exitCode() + ":\n" + outcome.output());
        }
        return outcome;
    }
}
