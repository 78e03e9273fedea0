package dev.mercato.identity.token;

/**
 * Request limits the platform operator set on one application or API key. They travel in its access tokens
 * as the integer claims {@code rate_limit_per_hour} and {@code rate_limit_per_minute}, which every service's
 * limiter honours; a null limit is left out of the token, and the service's default applies.
 */
public record RateLimits(Integer perHour, Integer perMinute) {

    /** No limit of its own: the service defaults apply. */
    public static final RateLimits NONE = new RateLimits(null, null);

    public static RateLimits of(Integer perHour, Integer perMinute) {
        return perHour == null && perMinute == null ? NONE : new RateLimits(perHour, perMinute);
    }
}
