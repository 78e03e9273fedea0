package dev.mercato.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * Tests must pass in a shell where a user of {@code ./mercato} exported the suite's variables
 * (bootstrap client, key-encryption key, database names, ports): environment variables outrank a
 * service's test profile, so one leaking into a test JVM changes what the tests run against. The
 * root POM removes them from every forked test JVM; these tests keep that list complete.
 */
class EnvironmentIsolationTest {

    private static final Pattern VARIABLE = Pattern.compile("\\b(MERCATO_[A-Z0-9_]*[A-Z0-9])\\b");

    /**
     * Names in the scripts that are not a user's settings (the scripts' own working variables) or
     * that only say where the local PostgreSQL is, which the test kit legitimately reads.
     */
    private static final Set<String> NOT_SUITE_SETTINGS = Set.of("MERCATO_ROOT", "MERCATO_STATE",
            "MERCATO_SELECTED", "MERCATO_SECRET_NAMES", "MERCATO_SERVICE_NAMES", "MERCATO_APP_NAMES",
            "MERCATO_APT_UPDATED",
            "MERCATO_MIN_JAVA", "MERCATO_SECRETS_NEW", "MERCATO_PG_PORT", "MERCATO_PG_CLUSTER", "MERCATO_DB");

    @Test
    void everySuiteVariableIsKeptOutOfTestJvms() {
        Set<String> excluded = namesIn(root().resolve("pom.xml"));
        assertThat(excluded)
                .as("every variable the scripts and docs of ./mercato name must be in excludedEnvironmentVariables (root pom.xml)")
                .containsAll(suiteVariables());
    }

    @Test
    void noSuiteVariableReachesThisJvm() {
        Set<String> leaked = new TreeSet<>(suiteVariables());
        leaked.retainAll(System.getenv().keySet());
        assertThat(leaked).as("suite variables visible in a test JVM").isEmpty();
    }

    private static Set<String> suiteVariables() {
        Path root = root();
        Set<String> names = new TreeSet<>(namesIn(root.resolve("mercato")));
        names.addAll(namesIn(root.resolve("docs/RUNNING.md")));
        try (Stream<Path> scripts = Files.list(root.resolve("scripts/lib"))) {
            scripts.forEach(script -> names.addAll(namesIn(script)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        names.removeIf(name -> name.startsWith("MERCATO_TEST_") || NOT_SUITE_SETTINGS.contains(name));
        return names;
    }

    private static Set<String> namesIn(Path file) {
        try {
            Set<String> names = new TreeSet<>();
            Matcher matcher = VARIABLE.matcher(Files.readString(file));
            while (matcher.find()) {
                names.add(matcher.group(1));
            }
            return names;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Surefire runs a module's tests in the module's folder; the repository root is its parent. */
    private static Path root() {
        Path module = Path.of("").toAbsolutePath();
        return Files.exists(module.resolve("mercato")) ? module : module.getParent();
    }
}
