package dev.mercato.console.web;

import java.util.function.Function;

import dev.mercato.console.api.ApiRefusedException;
import dev.mercato.console.api.ApiUnavailableException;
import io.smallrye.mutiny.Uni;

/**
 * Loads one card of the home page on its own: a service that is down, or that refuses the card's request, becomes the
 * card's one sentence instead of the page's failure, so the other cards still show. Anything else — an ended session
 * above all, which goes back to sign-in — still ends the page.
 */
final class HomeCard {

    private HomeCard() {
    }

    /** {@code card}, or what {@code unavailable} makes of the sentence that says why it is missing. */
    static <C> Uni<C> load(Uni<C> card, Function<String, C> unavailable) {
        return card
                .onFailure(ApiUnavailableException.class)
                .recoverWithItem(failure -> unavailable.apply(notAnswering((ApiUnavailableException) failure)))
                .onFailure(ApiRefusedException.class)
                .recoverWithItem(failure -> unavailable.apply(refused((ApiRefusedException) failure)));
    }

    static String notAnswering(ApiUnavailableException failure) {
        return failure.upstream().area() + " is not answering now; the rest of the page is current.";
    }

    static String refused(ApiRefusedException failure) {
        String area = failure.upstream().area();
        return switch (failure.status()) {
            case 403 -> area + " does not let your role see this; the rest of the page is current.";
            case 429 -> area + " asks to slow down; reload the page in a moment.";
            default -> area + " refused this card's request (" + failure.getMessage() + "); the rest of the page is current.";
        };
    }
}
