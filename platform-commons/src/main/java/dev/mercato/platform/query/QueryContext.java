package dev.mercato.platform.query;

import java.time.Clock;
import java.util.Objects;
import java.util.Set;

/**
 * What a list query needs to know besides its parameters.
 *
 * @param clock           the source of {@code $date_now()}
 * @param me              what {@code $me()} stands for (the caller's id as the resource stores it),
 *                        {@code null} for an anonymous caller
 * @param extraParameters query parameters the resource reads itself; the parser skips them
 */
public record QueryContext(Clock clock, String me, Set<String> extraParameters) {

    public QueryContext {
        Objects.requireNonNull(clock, "clock");
        extraParameters = extraParameters == null ? Set.of() : Set.copyOf(extraParameters);
    }

    /** No caller for {@code $me()} and no extra parameters. */
    public static QueryContext of(Clock clock) {
        return new QueryContext(clock, null, Set.of());
    }

    public QueryContext withMe(String me) {
        return new QueryContext(clock, me, extraParameters);
    }

    public QueryContext withExtraParameters(String... names) {
        return new QueryContext(clock, me, Set.of(names));
    }
}
