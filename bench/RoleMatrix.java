import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The authorization matrix by role: every operation of every service, as the OpenAPI documents list them, sent by a
 * user of each of the ten roles in the demo's own organizations ({@link Actors}). What an operation needs is read from
 * its security requirement in the document (any one requirement's scopes), what a role holds from its login token:
 * <ul>
 * <li>every operation under {@code /api/} but the token endpoints ({@link Fuzz#PUBLIC_API}) declares the scopes it
 * needs; one that declares none, or declares itself public, is a violation: the document must say what the code
 * enforces, and a new public endpoint is a decision made here;</li>
 * <li>a role without the scope gets 403, never anything else;</li>
 * <li>a role with the scope is never refused with 401, nor with the 403 of a missing scope; a 403 that names a rule of
 * the role (only the platform operator sets rate limits, a partner admin grants no distributor role, ...) is counted
 * and shown, and a 404, 400 or 409 about the object or the body is fine;</li>
 * <li>a reader never gets a 2xx on a write (a {@code POST} that needs only a {@code read:} scope is a query, not a
 * write);</li>
 * <li>no collection changes but those a write was let through to (the totals, as in the fuzzer).</li>
 * </ul>
 * A {@code GET} of one object names an object the role sees itself (the first of its own list), or, when it sees none,
 * the platform's; a write names an object that does not exist, so nothing the later checks need is changed. Reads run
 * first, then the writes, deletes last.
 */
final class RoleMatrix {

    /** What every service answers when a token lacks the endpoint's scope (or a reader tries to write). */
    static final String NO_SCOPE = "Insufficient permissions";

    final Fuzz fuzz;
    final Map<String, Fuzz.Api> apis;
    final Actors actors;
    final Fuzz.Tally tally;
    final AtomicInteger checks = new AtomicInteger();
    final AtomicInteger roleRules = new AtomicInteger();
    final Map<String, String> ruleExamples = new java.util.concurrent.ConcurrentSkipListMap<>();

    RoleMatrix(Fuzz fuzz, Map<String, Fuzz.Api> apis, Actors actors) {
        this.fuzz = fuzz;
        this.apis = apis;
        this.actors = actors;
        this.tally = new Fuzz.Tally("roles", fuzz.slowMillis);
    }

    boolean run() throws Exception {
        long started = System.nanoTime();
        int operations = 0;
        int open = 0;
        for (Fuzz.Api api : apis.values()) {
            Map<String, Map<String, String>> ownIds = new LinkedHashMap<>();
            for (Actors.Actor actor : actors.roles) {
                ownIds.put(actor.role(), api.sampleIds(pathsOf(api), actor.token()));
            }
            Map<String, Long> before = api.collectionTotals(fuzz.adminToken);
            Set<String> written = ConcurrentHashMap.newKeySet();
            List<Fuzz.Operation> ordered = new ArrayList<>(api.operations);
            ordered.sort(Comparator.comparingInt(RoleMatrix::phase));
            for (int phase = 0; phase < 3; phase++) {
                ExecutorService pool = Executors.newFixedThreadPool(Fuzz.CONCURRENCY);
                for (Fuzz.Operation op : ordered) {
                    if (phase(op) != phase) {
                        continue;
                    }
                    operations++;
                    if (op.open()) {
                        open++;
                        if (op.path().startsWith("/api/") && !Fuzz.PUBLIC_API.contains(op.path())) {
                            tally.violation("public, but not a token endpoint", api.name + " " + op.method() + " "
                                    + op.path());
                        }
                        continue;
                    }
                    if (op.scopes() == null || op.scopes().isEmpty() || op.scopes().stream().anyMatch(Set::isEmpty)) {
                        tally.violation("declares no scope", api.name + " " + op.method() + " " + op.path()
                                + " security " + op.scopes());
                        continue;
                    }
                    for (Actors.Actor actor : actors.roles) {
                        pool.execute(() -> check(api, op, actor, ownIds.get(actor.role()), written));
                    }
                }
                pool.shutdown();
                pool.awaitTermination(1, TimeUnit.HOURS);
            }
            Thread.sleep(500);
            Fuzz.compareTotals(before, api.collectionTotals(fuzz.adminToken), written, tally);
        }
        System.out.printf("authorization by role: %d operations (%d public) x %d roles = %d checks in %d s%n",
                operations, open, actors.roles.size(), checks.get(), (System.nanoTime() - started) / 1_000_000_000L);
        System.out.printf("    %d refusals of a role holding the scope by a rule of its role, on %d operations%n",
                roleRules.get(), ruleExamples.size());
        ruleExamples.forEach((op, example) -> System.out.println("        " + op + " (" + example + ")"));
        return tally.print();
    }

    void check(Fuzz.Api api, Fuzz.Operation op, Actors.Actor actor, Map<String, String> ownIds, Set<String> written) {
        Fuzz.CURRENT.set(api);
        Fuzz.Operation aimed = op.method().equals("GET") ? op.withPathValues(ownValues(op, ownIds)) : op;
        Fuzz.Mutant baseline = new Fuzz.Mutator(new Random(fuzz.seed), aimed, actor.token()).mutate(true);
        Fuzz.Mutant request = new Fuzz.Mutant(baseline.method(), baseline.target(), baseline.headers(), baseline.body(),
                actor.role());
        Fuzz.Answer answer = Fuzz.send(api.base, request);
        tally.record(request, answer, api.name);
        checks.incrementAndGet();
        int status = answer.status();
        boolean success = status >= 200 && status < 300;
        boolean holds = op.scopes().stream().anyMatch(actor.scopes()::containsAll);
        String what = api.name + " " + request.describe() + " -> " + status + " " + Fuzz.Tally.snippet(answer);
        if (success && Fuzz.WRITES.contains(op.method())) {
            written.add(Fuzz.Api.area(op.path()));
        }
        if (!holds && success) {
            tally.violation("2xx without the scope", what);
        } else if (!holds && status != 403) {
            tally.violation("not 403 without the scope", what);
        } else if (holds && (status == 401 || status == 403 && NO_SCOPE.equals(message(answer)))) {
            tally.violation("refused with the scope", what);
        } else if (holds && status == 403) {
            roleRules.incrementAndGet();
            ruleExamples.putIfAbsent(op.method() + " " + op.path(), actor.role() + ": " + message(answer));
        }
        if (actor.reader() && success && Fuzz.WRITES.contains(op.method()) && !query(op)) {
            tally.violation("a reader wrote", what);
        }
    }

    static String message(Fuzz.Answer answer) {
        return Fuzz.Json.parseOrNull(answer.text()) instanceof Map<?, ?> error ? String.valueOf(error.get("message"))
                : answer.text();
    }

    /** The role's own objects for the path parameters of a read (the platform's where it sees none). */
    static Map<String, String> ownValues(Fuzz.Operation op, Map<String, String> ownIds) {
        Map<String, String> values = new LinkedHashMap<>(op.pathValues());
        for (String name : op.pathValues().keySet()) {
            String own = ownIds.get(op.path().substring(0, op.path().indexOf("{" + name + "}")));
            if (own != null) {
                values.put(name, own);
            }
        }
        return values;
    }

    /** A {@code POST} that needs only {@code read:} scopes asks something (a quote, a search) and writes nothing. */
    static boolean query(Fuzz.Operation op) {
        return op.scopes().stream().flatMap(Set::stream).allMatch(scope -> scope.startsWith("read:"));
    }

    /** Reads first, then the writes, deletes last. */
    static int phase(Fuzz.Operation op) {
        return switch (op.method()) {
            case "GET" -> 0;
            case "DELETE" -> 2;
            default -> 1;
        };
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> pathsOf(Fuzz.Api api) {
        return (Map<String, Object>) api.document.getOrDefault("paths", Map.of());
    }
}
