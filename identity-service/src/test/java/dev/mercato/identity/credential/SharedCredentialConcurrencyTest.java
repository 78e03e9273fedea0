package dev.mercato.identity.credential;

import static dev.mercato.identity.credential.CredentialTestData.apiKey;
import static dev.mercato.identity.credential.CredentialTestData.exchange;
import static dev.mercato.identity.credential.CredentialTestData.refresh;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import dev.mercato.identity.key.SecretHasher;
import dev.mercato.identity.token.OAuthTestClient;
import dev.mercato.platform.security.Role;
import dev.mercato.testkit.TestSql;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/** Many workers share one API key; two of them may race with one refresh token. */
@QuarkusTest
class SharedCredentialConcurrencyTest {

    @Inject
    SecretHasher hasher;

    @Test
    void twentyParallelExchangesOfOneApiKeyAllGetTokens() throws Exception {
        String admin = OAuthTestClient.insertApplication(hasher, Role.TENANT_ADMIN).token();
        String[] key = apiKey(admin, "read:customers");

        List<Response> answers = all(20, () -> exchange(key[1]));

        assertThat(answers).extracting(Response::statusCode).containsOnly(200);
        assertThat(answers).extracting(answer -> answer.jsonPath().getString("access_token")).doesNotContainNull()
                .doesNotHaveDuplicates();
        // Using the key wrote nothing that a concurrent use could conflict with, only when it was last used.
        var row = TestSql.rows("select version, last_used_at from credential where id = ?", key[0]).get(0);
        assertThat(((Number) row.get("version")).longValue()).isZero();
        assertThat(row.get("last_used_at")).isNotNull();
    }

    @Test
    void twoRefreshesOfOneTokenAtOnceLetExactlyOneThroughAndKillTheFamily() throws Exception {
        String admin = OAuthTestClient.insertApplication(hasher, Role.TENANT_ADMIN).token();
        String[] key = apiKey(admin, "read:customers");
        String refreshToken = exchange(key[1]).then().statusCode(200).extract().path("refresh_token");

        List<Response> answers = all(2, () -> refresh(refreshToken));

        assertThat(answers).extracting(Response::statusCode).containsExactlyInAnyOrder(200, 400);
        Response loser = answers.stream().filter(answer -> answer.statusCode() == 400).findFirst().orElseThrow();
        assertThat(loser.jsonPath().getString("error")).isEqualTo("invalid_grant");
        // The loser presented a spent token: reuse, so the winner's new refresh token is dead too.
        String next = answers.stream().filter(answer -> answer.statusCode() == 200).findFirst().orElseThrow()
                .jsonPath().getString("refresh_token");
        refresh(next).then().statusCode(400);
    }

    private static List<Response> all(int parallel, Callable<Response> call) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(parallel);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Response>> futures = new ArrayList<>();
            for (int i = 0; i < parallel; i++) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return call.call();
                }));
            }
            start.countDown();
            List<Response> answers = new ArrayList<>();
            for (Future<Response> future : futures) {
                answers.add(future.get());
            }
            return answers;
        } finally {
            pool.shutdownNow();
        }
    }
}
