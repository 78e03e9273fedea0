package dev.mercato.identity.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import dev.mercato.platform.id.Ids;
import dev.mercato.testkit.TestSql;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.common.vertx.VertxContext;
import io.vertx.core.Context;
import io.vertx.core.Vertx;

@QuarkusTest
class GroupCommitAuditWriterTest {

    @Inject
    GroupCommitAuditWriter writer;

    @Inject
    Vertx vertx;

    @Test
    void resumesEveryWaiterOnItsOwnRequestContextEvenWhenAnotherRequestsInsertStoredItsRow() throws Exception {
        // Many requests at once: with two inserts in flight, most rows travel in a batch another request sent.
        int requests = 40;
        List<Context> contexts = new ArrayList<>();
        List<CompletableFuture<Context>> resumedOn = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < requests; i++) {
            Context request = VertxContext.createNewDuplicatedContext(vertx.getOrCreateContext());
            CompletableFuture<Context> resumed = new CompletableFuture<>();
            String id = Ids.next("aud");
            contexts.add(request);
            resumedOn.add(resumed);
            ids.add(id);
            request.runOnContext(ignored -> writer.append(row(id)).subscribe().with(
                    done -> resumed.complete(Vertx.currentContext()), resumed::completeExceptionally));
        }

        for (int i = 0; i < requests; i++) {
            assertThat(resumedOn.get(i).get(20, TimeUnit.SECONDS)).as("request %d", i).isSameAs(contexts.get(i));
        }
        assertThat(TestSql.number("select count(*) from audit_event where id = any(?)",
                (Object) ids.toArray(String[]::new))).isEqualTo(requests);
    }

    private static AuditRow row(String id) {
        return new AuditRow(id, Instant.now(), "system", "org_test", "test.context", "test", id, "{}", null);
    }
}
