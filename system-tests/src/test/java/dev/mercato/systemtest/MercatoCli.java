package dev.mercato.systemtest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs {@code ./mercato <args>} (or another of the repository's scripts) from the repository root, as a developer
 * would, and captures what it printed.
 */
final class MercatoCli {

    static final Path ROOT = Path.of(System.getProperty("mercato.root", "..")).toAbsolutePath().normalize();

    record Outcome(int exitCode, String output) {
    }

    private MercatoCli() {
    }

    static Outcome run(Path state, Map<String, String> environment, int timeoutSeconds, String... args) {
        return script(state, environment, timeoutSeconds, "mercato", args);
    }

    /** Runs {@code script} (a path from the repository root, e.g. {@code bench/drill.sh}) with {@code args}. */
    static Outcome script(Path state, Map<String, String> environment, int timeoutSeconds, String script,
            String... args) {
        try {
            Files.createDirectories(state);
            String name = (script + "-" + String.join("-", args)).replaceAll("[^A-Za-z0-9.-]+", "-");
            Path output = state.resolveSibling(state.getFileName() + "-" + name + ".out");
            ProcessBuilder builder = new ProcessBuilder(concat(ROOT.resolve(script).toString(), args))
                    .directory(ROOT.toFile())
                    .redirectErrorStream(true)
                    .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()))
                    .redirectOutput(output.toFile());
            builder.environment().putAll(environment);
            builder.environment().put("MERCATO_STATE_DIR", state.toString());
            Process process = builder.start();
            if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError(script + " " + String.join(" ", args) + " did not finish in " + timeoutSeconds
                        + " s:\n" + Files.readString(output));
            }
            String printed = Files.readString(output);
            System.out.println(printed);
            return new Outcome(process.exitValue(), printed);
        } catch (IOException e) {
            throw new AssertionError("could not run " + script + " " + String.join(" ", args), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    private static List<String> concat(String command, String... args) {
        return java.util.stream.Stream.concat(java.util.stream.Stream.of(command), java.util.Arrays.stream(args)).toList();
    }
}
