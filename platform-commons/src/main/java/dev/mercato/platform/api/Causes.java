package dev.mercato.platform.api;

import java.util.function.Function;
import java.util.function.Predicate;

/**
 * A failure's chain of causes, however Hibernate Reactive, Mutiny and Vert.x wrapped the one that matters. Every walk
 * stops after {@value #MAX_DEPTH} links, so a chain that loops back on itself cannot hang a request.
 */
final class Causes {

    static final int MAX_DEPTH = 32;

    private Causes() {
    }

    /** The first non-null answer of {@code read} along {@code failure}'s causes, itself first; null when none has one. */
    static <R> R firstOf(Throwable failure, Function<Throwable, R> read) {
        int depth = 0;
        for (Throwable cause = failure; cause != null && depth++ < MAX_DEPTH; cause = cause.getCause()) {
            R found = read.apply(cause);
            if (found != null) {
                return found;
            }
        }
        return null;
    }

    /** Whether {@code failure} or one of its causes passes {@code test}. */
    static boolean any(Throwable failure, Predicate<Throwable> test) {
        return firstOf(failure, cause -> test.test(cause) ? cause : null) != null;
    }

    /** The last cause in {@code failure}'s chain (the one that started it), or the last one looked at. */
    static Throwable root(Throwable failure) {
        Throwable root = failure;
        for (int depth = 0; root.getCause() != null && depth < MAX_DEPTH; depth++) {
            root = root.getCause();
        }
        return root;
    }
}
