package dev.mercato.metering.readmodel;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * {@code /q/health/ready} check "Metering read models": DOWN until every read model has read its topic up to
 * the end offsets seen at start-up; its data shows each topic's state and how many snapshots it holds.
 */
@Readiness
@ApplicationScoped
public class ReadModelsHealthCheck implements HealthCheck {

    private final ReadModels readModels;

    public ReadModelsHealthCheck(ReadModels readModels) {
        this.readModels = readModels;
    }

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named("Metering read models").status(readModels.loaded());
        readModels.views().forEach(view -> response.withData(view.topic(),
                (view.loaded() ? "loaded, " : "loading, ") + view.size() + " snapshot(s)"));
        return response.build();
    }
}
