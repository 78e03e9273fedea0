package dev.mercato.testkit;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/** Plain JDBC against the service's own test database, for asserting what was (or was not) stored. */
public final class TestSql {

    private TestSql() {
    }

    /** The rows of {@code sql} (with {@code ?} parameters), each as column → value. */
    public static List<Map<String, Object>> rows(String sql, Object... parameters) {
        try (Connection connection = connect(); PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            List<Map<String, Object>> rows = new ArrayList<>();
            try (ResultSet result = statement.executeQuery()) {
                int columns = result.getMetaData().getColumnCount();
                while (result.next()) {
                    Map<String, Object> row = new LinkedHashMap<>();
                    for (int column = 1; column <= columns; column++) {
                        row.put(result.getMetaData().getColumnLabel(column), result.getObject(column));
                    }
                    rows.add(row);
                }
            }
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException("query failed: " + sql, e);
        }
    }

    /** The single number {@code sql} returns, e.g. a count. */
    public static long number(String sql, Object... parameters) {
        List<Map<String, Object>> rows = rows(sql, parameters);
        return ((Number) rows.get(0).values().iterator().next()).longValue();
    }

    /** Runs a statement; returns the rows it changed. */
    public static int execute(String sql, Object... parameters) {
        try (Connection connection = connect(); PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            return statement.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("statement failed: " + sql, e);
        }
    }

    /** A JDBC connection to the service's test database, for code that takes one (a Java migration); close it. */
    public static Connection connection() throws SQLException {
        return connect();
    }

    private static Connection connect() throws SQLException {
        Config config = ConfigProvider.getConfig();
        String url = "jdbc:postgresql://" + config.getValue("mercato.db.host", String.class) + ":"
                + config.getValue("mercato.db.port", String.class) + "/" + config.getValue("mercato.db.name", String.class);
        return DriverManager.getConnection(url, config.getValue("mercato.db.user", String.class),
                config.getOptionalValue("mercato.db.password", String.class).orElse(""));
    }
}
