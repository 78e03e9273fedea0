package dev.mercato.platform.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.concurrent.CompletionException;

import jakarta.ws.rs.core.Response;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.vertx.core.Vertx;
import io.vertx.pgclient.PgBuilder;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.pgclient.PgException;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.PoolOptions;

/**
 * The failures come from the real PostgreSQL ({@code MERCATO_DB_HOST}, {@code MERCATO_DB_PORT}; 127.0.0.1:5432 by
 * default): a role whose connection limit is 0 is refused as every role is when the server's {@code max_connections}
 * are taken (SQLSTATE 53300).
 */
class DatabaseUnavailableTest {

    private static final String REFUSED_ROLE = "mercato_test_no_connections";
    private static final Duration WAIT = Duration.ofSeconds(10);

    private static Vertx vertx;

    @BeforeAll
    static void createARoleThatIsAlwaysRefused() {
        vertx = Vertx.vertx();
        Pool admin = pool(port(), "postgres");
        try {
            admin.query("do $$ begin if not exists (select from pg_roles where rolname = '" + REFUSED_ROLE + "') then "
                    + "create role " + REFUSED_ROLE + " login connection limit 0; end if; end $$")
                    .execute().toCompletionStage().toCompletableFuture().join();
        } finally {
            admin.close();
        }
    }

    @AfterAll
    static void closeVertx() {
        vertx.close().toCompletionStage().toCompletableFuture().join();
    }

    @Test
    void aConnectionRefusedByTheServerIsA503WithRetryAfter() {
        Throwable refused = failureOf(pool(port(), REFUSED_ROLE));
        assertThat(refused).isInstanceOf(PgException.class);
        assertThat(((PgException) refused).getSqlState()).isEqualTo("53300");

        Response answer = new ApiExceptionMappers().unexpected(new CompletionException(refused));

        assertThat(answer.getStatus()).isEqualTo(503);
        assertThat(answer.getHeaderString("Retry-After")).isEqualTo("1");
        assertThat(((ApiError) answer.getEntity()).message()).contains("cannot reach its database");
    }

    @Test
    void aPortNobodyListensOnIsUnavailableToo() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        Throwable refused = failureOf(pool(closedPort, "postgres"));

        assertThat(DatabaseUnavailable.is(new RuntimeException(refused))).isTrue();
        assertThat(new ApiExceptionMappers().unexpected(refused).getStatus()).isEqualTo(503);
    }

    @Test
    void aStatementTheServerRejectsIsNotUnavailability() {
        Pool pool = pool(port(), "postgres");
        try {
            Throwable syntax = pool.query("selec 1").execute().toCompletionStage().toCompletableFuture()
                    .handle((rows, failure) -> failure).join();
            assertThat(DatabaseUnavailable.is(syntax)).isFalse();
            assertThat(new ApiExceptionMappers().unexpected(syntax).getStatus()).isEqualTo(500);
        } finally {
            pool.close();
        }
    }

    private static Throwable failureOf(Pool pool) {
        try {
            Throwable failure = pool.query("select 1").execute().toCompletionStage().toCompletableFuture()
                    .orTimeout(WAIT.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)
                    .handle((rows, error) -> error).join();
            assertThat(failure).as("the connection should have been refused").isNotNull();
            return failure instanceof CompletionException wrapped && wrapped.getCause() != null
                    ? wrapped.getCause() : failure;
        } finally {
            pool.close();
        }
    }

    private static Pool pool(int port, String user) {
        PgConnectOptions options = new PgConnectOptions().setHost(host()).setPort(port).setDatabase("postgres")
                .setUser(user).setConnectTimeout((int) WAIT.toMillis());
        return PgBuilder.pool().with(new PoolOptions().setMaxSize(1)).connectingTo(options).using(vertx).build();
    }

    private static int port() {
        return Integer.parseInt(System.getenv().getOrDefault("MERCATO_DB_PORT", "5432"));
    }

    private static String host() {
        return System.getenv().getOrDefault("MERCATO_DB_HOST", "127.0.0.1");
    }
}
