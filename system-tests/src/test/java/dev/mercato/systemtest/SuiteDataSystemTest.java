package dev.mercato.systemtest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A second clone, or a state folder deleted while the databases stayed: {@code ./mercato up} must say
 * in one line what happened and what to do, and {@code ./mercato reset} must start over.
 */
class SuiteDataSystemTest {

    private static final String PREFIX = "mercato_resettest";
    private static final int PORT_BASE = Integer.getInteger("systemtest.port.base", 18080) + 20;

    private final Path state = Path.of("target/mercato-reset-test").toAbsolutePath();

    @AfterEach
    void stopWhateverStarted() {
        MercatoCli.run(state, environment(), 120, "down");
    }

    @Test
    void upRefusesAnIdentityDatabaseMadeWithOtherSecretsAndResetStartsOver() throws Exception {
        dropDatabases();
        execute("postgres", "create database " + PREFIX + "_identity");
        execute(PREFIX + "_identity", "create table signing_key (kid text)");
        execute(PREFIX + "_identity", "insert into signing_key values ('from-another-clone')");
        deleteRecursively(state);

        MercatoCli.Outcome up = MercatoCli.run(state, environment(), 180, "up");

        assertThat(up.exitCode()).isEqualTo(1);
        assertThat(up.output())
                .contains("database " + PREFIX + "_identity was made with other secrets than")
                .contains("./mercato reset")
                .doesNotContain("Exception");

        MercatoCli.Outcome reset = MercatoCli.run(state, environment(), 180, "reset", "--yes");

        assertThat(reset.exitCode()).isZero();
        assertThat(databasesWithPrefix()).isZero();
        assertThat(state).doesNotExist();
    }

    @Test
    void resetWithoutATerminalOrYesChangesNothing() throws Exception {
        dropDatabases();
        execute("postgres", "create database " + PREFIX + "_identity");

        MercatoCli.Outcome reset = MercatoCli.run(state, environment(), 60, "reset");

        assertThat(reset.exitCode()).isEqualTo(1);
        assertThat(reset.output()).contains("pass --yes");
        assertThat(databasesWithPrefix()).isEqualTo(1);
        dropDatabases();
    }

    private Map<String, String> environment() {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("MERCATO_DB_PREFIX", PREFIX);
        env.put("MERCATO_SERVICES", "");
        env.put("MERCATO_SKIP_BUILD", "1");
        env.put("MERCATO_KAFKA_PORT", String.valueOf(PORT_BASE + 12));
        env.put("MERCATO_KAFKA_CONTROLLER_PORT", String.valueOf(PORT_BASE + 13));
        for (String service : Suite.SERVICES) {
            env.put("MERCATO_" + service.toUpperCase() + "_PORT", String.valueOf(PORT_BASE + 1 + Suite.SERVICES.indexOf(service)));
        }
        return env;
    }

    private static void dropDatabases() throws SQLException {
        for (String service : Suite.SERVICES) {
            execute("postgres", "drop database if exists " + PREFIX + "_" + service + " with (force)");
        }
    }

    private static int databasesWithPrefix() throws SQLException {
        try (Connection connection = connect("postgres"); Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(
                        "select count(*) from pg_database where datname like '" + PREFIX + "\\_%'")) {
            rows.next();
            return rows.getInt(1);
        }
    }

    private static void execute(String database, String sql) throws SQLException {
        try (Connection connection = connect(database); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private static Connection connect(String database) throws SQLException {
        String port = System.getenv().getOrDefault("MERCATO_PG_PORT", "5432");
        return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + port + "/" + database, "postgres", "");
    }

    private static void deleteRecursively(Path path) throws Exception {
        if (!Files.exists(path)) {
            return;
        }
        try (var paths = Files.walk(path)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
