package dev.mercato.identity.login;

import java.util.List;

import dev.mercato.platform.api.ApiError;
import dev.mercato.platform.api.ApiException;

/** Too many failed logins for one email: 429 with the seconds until the throttle lifts. */
public class LoginThrottledException extends ApiException {

    private final long retryAfterSeconds;

    public LoginThrottledException(long retryAfterSeconds) {
        super(429, "Too many failed login attempts; try again later");
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }

    @Override
    public ApiError toError() {
        return new ApiError(429, getMessage(), List.of(), retryAfterSeconds);
    }
}
