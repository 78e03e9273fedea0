package dev.mercato.testkit;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.regex.Pattern;

/**
 * A fresh PostgreSQL database per service and test run, on the local server: {@code mercato_test_<service>},
 * dropped and created anew, so tests start from an empty schema and never touch the databases of a
 * suite started with {@code ./mercato up}. Host, port and user come from {@code MERCATO_TEST_DB_HOST},
 * {@code MERCATO_TEST_DB_PORT} and {@code MERCATO_TEST_DB_USER} (defaults 127.0.0.1, 5432, postgres);
 * {@code MERCATO_TEST_DB_PREFIX} (default {@code mercato_test_}) lets two checkouts test side by side.
 */
public final class TestDatabase {

    private static final Pattern SAFE_NAME = Pattern.compile("[a-z][a-z0-9_]{0,40}");

    public final String host = env("MERCATO_TEST_DB_HOST", "127.0.0.1");
    public final String port = env("MERCATO_TEST_DB_PORT", "5432");
    public final String user = env("MERCATO_TEST_DB_USER", "postgres");
    public final String password = env("MERCATO_TEST_DB_PASSWORD", "");
    public final String name;

    private TestDatabase(String name) {
        this.name = name;
    }

    /** Drops and creates the test database of {@code service}. */
    public static TestDatabase recreate(String service) {
        String name = env("MERCATO_TEST_DB_PREFIX", "mercato_test_") + service;
        if (!SAFE_NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("not a safe database name: " + name);
        }
        TestDatabase database = new TestDatabase(name);
        try (Connection admin = DriverManager.getConnection(database.jdbcUrl("postgres"), database.user, database.password);
                Statement statement = admin.createStatement()) {
            statement.execute("drop database if exists " + name + " with (force)");
            statement.execute("create database " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL at " + database.host + ":" + database.port
                    + " is needed for the tests (start it with ./mercato up or pg_ctlcluster): " + e.getMessage(), e);
        }
        return database;
    }

    public String jdbcUrl() {
        return jdbcUrl(name);
    }

    private String jdbcUrl(String database) {
        return "jdbc:postgresql://" + host + ":" + port + "/" + database;
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
