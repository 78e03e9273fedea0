package dev.mercato.platform.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CompletionException;

import org.junit.jupiter.api.Test;

class CausesTest {

    @Test
    void firstOfAnswersWithTheFirstCauseThatHasAnAnswer() {
        IllegalStateException inner = new IllegalStateException("inner");
        IllegalArgumentException middle = new IllegalArgumentException("middle", inner);
        CompletionException outer = new CompletionException(middle);

        String innerMessage = Causes.firstOf(outer, cause -> cause instanceof IllegalStateException ? cause.getMessage() : null);
        Throwable firstRuntime = Causes.firstOf(outer, cause -> cause instanceof RuntimeException ? cause : null);
        Throwable arithmetic = Causes.firstOf(outer, cause -> cause instanceof ArithmeticException ? cause : null);

        assertThat(innerMessage).isEqualTo("inner");
        assertThat(firstRuntime).isSameAs(outer);
        assertThat(arithmetic).isNull();
    }

    @Test
    void anyLooksAtTheFailureItselfAndEveryCause() {
        Throwable chain = new CompletionException(new RuntimeException(new ArithmeticException("deep")));

        assertThat(Causes.any(chain, ArithmeticException.class::isInstance)).isTrue();
        assertThat(Causes.any(chain, CompletionException.class::isInstance)).isTrue();
        assertThat(Causes.any(chain, IllegalStateException.class::isInstance)).isFalse();
    }

    @Test
    void rootIsWhereTheChainStarted() {
        ArithmeticException root = new ArithmeticException("root");

        assertThat(Causes.root(new CompletionException(new RuntimeException(root)))).isSameAs(root);
        assertThat(Causes.root(root)).isSameAs(root);
    }

    @Test
    void aChainThatLoopsBackEndsTheWalk() {
        RuntimeException first = new RuntimeException("first");
        RuntimeException second = new RuntimeException("second", first);
        first.initCause(second);

        assertThat(Causes.any(first, ArithmeticException.class::isInstance)).isFalse();
        assertThat(Causes.root(first)).isIn(first, second);
    }

    @Test
    void aCauseBeyondTheDepthLimitIsNotSeen() {
        Throwable chain = new ArithmeticException("too deep");
        for (int i = 0; i < Causes.MAX_DEPTH; i++) {
            chain = new RuntimeException(chain);
        }

        assertThat(Causes.any(chain, ArithmeticException.class::isInstance)).isFalse();
        assertThat(Causes.any(chain.getCause(), ArithmeticException.class::isInstance)).isTrue();
    }
}
