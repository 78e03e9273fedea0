package dev.mercato.platform.outbox;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

import io.smallrye.health.api.AsyncHealthCheck;
import io.smallrye.mutiny.Uni;

/**
 * Shows failed outbox events in {@code /q/health/ready} as a warning. It stays UP: the instance
 * serves requests and relays every other event, so taking it out of load balancing would only add
 * an outage. The database check reports an unreachable database.
 */
@Readiness
@ApplicationScoped
public class OutboxHealthCheck implements AsyncHealthCheck {

    private final FailedOutboxEvents failed;

    public OutboxHealthCheck(FailedOutboxEvents failed) {
        this.failed = failed;
    }

    @Override
    public Uni<HealthCheckResponse> call() {
        return failed.count().map(count -> {
            HealthCheckResponseBuilder response = HealthCheckResponse.named("Outbox relay").up().withData("failedEvents", count);
            if (count > 0) {
                response.withData("warning", count + " outbox event(s) were refused by Kafka and are not retried;"
                        + " see outbox_event rows with failed_at set, fix the cause, then clear failed_at to send them again");
            }
            return response.build();
        }).onFailure().recoverWithItem(failure -> HealthCheckResponse.named("Outbox relay").up()
                .withData("failedEvents", "unknown: " + failure.getClass().getSimpleName()).build());
    }
}
