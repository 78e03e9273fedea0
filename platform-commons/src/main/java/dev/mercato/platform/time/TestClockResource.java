package dev.mercato.platform.time;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;

import dev.mercato.platform.api.ApiException;
import dev.mercato.platform.api.ApiResponse;
import dev.mercato.platform.security.Caller;
import dev.mercato.platform.security.Scopes;
import io.quarkus.security.PermissionsAllowed;
import io.smallrye.mutiny.Uni;

/**
 * The test clock of one service ({@link BusinessClock}): {@code GET} shows business time, {@code POST}
 * {@code {"advanceBy": "P30D"}} moves it forward. Only where {@code mercato.test-clock.enabled} is true — elsewhere
 * it answers 404 — and only for a platform administrator. Left out of the OpenAPI document: it is not part of the
 * API a deployment serves.
 */
@Path("/api/v1/test-clock")
@Produces(MediaType.APPLICATION_JSON)
@PermissionsAllowed(Scopes.WRITE_SETTINGS)
public class TestClockResource {

    /** Business time and how far it is ahead of the system clock (an ISO-8601 duration). */
    public record TestClockResponse(Instant now, String offset) {
    }

    /** How far to move business time forward: an ISO-8601 duration such as {@code P30D} or {@code PT1H}. */
    public record AdvanceRequest(String advanceBy) {
    }

    private static final Duration LONGEST_STEP = Duration.ofDays(3660);

    private final BusinessClock clock;
    private final Caller caller;

    public TestClockResource(BusinessClock clock, Caller caller) {
        this.clock = clock;
        this.caller = caller;
    }

    @GET
    @Operation(hidden = true)
    public ApiResponse<TestClockResponse> show() {
        requireTestClock();
        return ApiResponse.ok(current());
    }

    @POST
    @Operation(hidden = true)
    public Uni<ApiResponse<TestClockResponse>> advance(AdvanceRequest request) {
        requireTestClock();
        caller.requireWriter();
        if (!"PLATFORM".equals(caller.organizationKind())) {
            throw ApiException.forbidden("Only the platform moves the test clock");
        }
        Duration step = step(request == null ? null : request.advanceBy());
        return clock.advance(step).map(ignored -> ApiResponse.ok(current()));
    }

    private void requireTestClock() {
        if (!clock.shiftable()) {
            throw new ApiException(404, "This service has no test clock: mercato.test-clock.enabled is false");
        }
    }

    private TestClockResponse current() {
        return new TestClockResponse(clock.instant(), clock.offset().toString());
    }

    private static Duration step(String advanceBy) {
        if (advanceBy == null) {
            throw ApiException.invalidField("advanceBy", "is required: an ISO-8601 duration such as P30D or PT1H");
        }
        try {
            Duration step = Duration.parse(advanceBy);
            if (step.isNegative() || step.isZero() || step.compareTo(LONGEST_STEP) > 0) {
                throw ApiException.invalidField("advanceBy", "must be positive and at most " + LONGEST_STEP.toDays()
                        + " days: business time only moves forward");
            }
            return step;
        } catch (DateTimeParseException e) {
            throw ApiException.invalidField("advanceBy", "must be an ISO-8601 duration such as P30D or PT1H");
        }
    }
}
