import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
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
 * The authorization matrix by organization: what belongs to the demo's organizations must stay out of reach of the
 * admins of a foreign organization of each kind ({@link Actors}). For every collection of every service the objects the
 * demo's distributor, partner, tenant and vendor admins see in their own lists are taken (a few each); then each
 * foreign admin
 * <ul>
 * <li>must not find them in its own list of that collection (asked by {@code id}, or in its first page where the
 * collection has no {@code id} filter);</li>
 * <li>gets 403 or 404 for every operation on such an object ({@code GET}, {@code PATCH}, {@code PUT}, {@code DELETE}
 * and the {@code POST} actions under {@code /{id}}), or else exactly what the same request gets for an object that does
 * not exist (a body refused before the object is looked up), never a 2xx;</li>
 * <li>changes no collection (the totals, as in the fuzzer).</li>
 * </ul>
 * Public by design, and so left out: the marketplace's catalogue, i.e. an object of a collection read with one of
 * {@link #PUBLIC_SCOPES} that every one of the demo's admins sees, the tenant's as well as the vendor's (articles,
 * listings, published plans and exchange rates: catalog-service/README.md, "Every role reads ..."). A plan draft or a
 * discount that only its vendor sees is checked like everything else, and so is a private offer (it needs
 * {@code read:private-offers}).
 */
final class ForeignMatrix {

    /** The scopes of the collections whose objects every role may read, whoever owns them: the catalogue. */
    static final Set<String> PUBLIC_SCOPES = Set.of("read:catalog");
    static final int OBJECTS_PER_OWNER = 2;
    /** Path parameters that name a customer organization: aimed at the demo's tenant itself. */
    static final Set<String> CUSTOMER_PARAMETERS = Set.of("customer", "customerId", "tenantId");
    static final Set<Integer> HIDDEN = Set.of(403, 404);

    /** An object of the demo's organizations: where it is listed and its id. */
    record Owned(String collection, String key, String id, String owner) {
    }

    final Fuzz fuzz;
    final Map<String, Fuzz.Api> apis;
    final Actors actors;
    final Fuzz.Tally tally;
    final AtomicInteger checks = new AtomicInteger();

    ForeignMatrix(Fuzz fuzz, Map<String, Fuzz.Api> apis, Actors actors) {
        this.fuzz = fuzz;
        this.apis = apis;
        this.actors = actors;
        this.tally = new Fuzz.Tally("foreign", fuzz.slowMillis);
    }

    boolean run() throws Exception {
        long started = System.nanoTime();
        List<Actors.Actor> owners = actors.roles.stream()
                .filter(actor -> !actor.reader() && !actor.kind().equals("PLATFORM")).toList();
        int objects = 0;
        int collections = 0;
        int publicObjects = 0;
        for (Fuzz.Api api : apis.values()) {
            Map<String, Long> before = api.collectionTotals(fuzz.adminToken);
            Set<String> written = ConcurrentHashMap.newKeySet();
            List<Owned> owned = new ArrayList<>();
            for (Fuzz.Operation list : api.operations) {
                if (!list.method().equals("GET") || list.path().contains("{") || list.open() || list.scopes() == null) {
                    continue;
                }
                List<Owned> found = new ArrayList<>();
                Set<String> seen = new LinkedHashSet<>();
                String key = Fuzz.Api.key(RoleMatrix.pathsOf(api).keySet(), list.path());
                for (Actors.Actor owner : owners) {
                    for (String id : ids(api, list.path() + "?limit=" + OBJECTS_PER_OWNER, key, owner)) {
                        if (seen.add(id)) {
                            found.add(new Owned(list.path(), key, id, owner.role()));
                        }
                    }
                }
                if (catalogue(list)) {
                    int candidates = found.size();
                    found.removeIf(object -> owners.stream().allMatch(owner -> listed(api, object, owner)));
                    publicObjects += candidates - found.size();
                }
                collections += found.isEmpty() ? 0 : 1;
                owned.addAll(found);
            }
            owned.addAll(customerPaths(api));
            objects += owned.size();
            Map<String, Integer> byCollection = new java.util.TreeMap<>();
            owned.forEach(object -> byCollection.merge(object.collection().replace("/api/v1/", ""), 1, Integer::sum));
            System.out.printf("%-9s objects of the demo's organizations: %s%n", api.name, byCollection);
            List<Fuzz.Operation> ordered = new ArrayList<>(api.operations);
            ordered.sort(Comparator.comparingInt(RoleMatrix::phase));
            for (int phase = 0; phase < 3; phase++) {
                ExecutorService pool = Executors.newFixedThreadPool(Fuzz.CONCURRENCY);
                for (Owned object : owned) {
                    for (Actors.Actor stranger : actors.foreignAdmins) {
                        if (phase == 0 && listable(api, object.collection())) {
                            pool.execute(() -> checkList(api, object, stranger));
                        }
                        for (Fuzz.Operation op : ordered) {
                            if (RoleMatrix.phase(op) == phase && !op.open()
                                    && op.path().startsWith(object.collection() + "/{")) {
                                pool.execute(() -> checkObject(api, op, object, stranger, written));
                            }
                        }
                    }
                }
                pool.shutdown();
                pool.awaitTermination(1, TimeUnit.HOURS);
            }
            Thread.sleep(500);
            Fuzz.compareTotals(before, api.collectionTotals(fuzz.adminToken), written, tally);
        }
        System.out.printf("authorization by organization: %d objects of the demo's organizations in %d collections "
                + "(and %d of the public catalogue) x %d foreign admins = %d checks in %d s%n", objects, collections,
                publicObjects, actors.foreignAdmins.size(), checks.get(),
                (System.nanoTime() - started) / 1_000_000_000L);
        return tally.print();
    }

    /** The demo tenant as the object of the paths that name a customer ({@code /balances/{customer}}). */
    List<Owned> customerPaths(Fuzz.Api api) {
        Set<String> collections = new LinkedHashSet<>();
        List<Owned> tenant = new ArrayList<>();
        for (Fuzz.Operation op : api.operations) {
            int open = op.path().indexOf("/{");
            String name = open < 0 ? "" : op.path().substring(open + 2, op.path().indexOf('}'));
            if (CUSTOMER_PARAMETERS.contains(name) && collections.add(op.path().substring(0, open))) {
                tenant.add(new Owned(op.path().substring(0, open), name, actors.demo.get("TENANT"), "the demo tenant"));
            }
        }
        return tenant;
    }

    static boolean listable(Fuzz.Api api, String collection) {
        return api.operations.stream().anyMatch(op -> op.method().equals("GET") && op.path().equals(collection));
    }

    /** A collection read with a public scope (any one of its requirements). */
    static boolean catalogue(Fuzz.Operation list) {
        return list.scopes().stream().anyMatch(PUBLIC_SCOPES::containsAll);
    }

    void checkList(Fuzz.Api api, Owned object, Actors.Actor stranger) {
        checks.incrementAndGet();
        if (listed(api, object, stranger)) {
            tally.violation("a foreign list shows the object", api.name + " " + stranger.role() + " of "
                    + stranger.organization() + ": GET " + object.collection() + " shows " + object.owner() + "'s "
                    + object.id());
        }
    }

    /** Whether {@code caller}'s list holds the object: asked by its key, or in its first page without such a filter. */
    boolean listed(Fuzz.Api api, Owned object, Actors.Actor caller) {
        Fuzz.Answer answer = get(api, object.collection() + "?" + object.key() + "=" + Fuzz.enc(object.id()), caller);
        if (answer.status() == 400) {
            answer = get(api, object.collection() + "?limit=100", caller);
        }
        return answer.status() == 200 && Fuzz.Json.parseOrNull(answer.text()) instanceof Map<?, ?> page
                && page.get("data") instanceof List<?> data && data.stream()
                        .anyMatch(item -> item instanceof Map<?, ?> m && object.id().equals(Fuzz.Api.idOf(m, object.key())));
    }

    void checkObject(Fuzz.Api api, Fuzz.Operation op, Owned object, Actors.Actor stranger, Set<String> written) {
        Fuzz.CURRENT.set(api);
        String first = op.path().substring(object.collection().length() + 2, op.path().indexOf('}'));
        Map<String, String> values = new LinkedHashMap<>(op.pathValues());
        values.put(first, object.id());
        Fuzz.Answer answer = send(api, op.withPathValues(values), stranger);
        checks.incrementAndGet();
        int status = answer.status();
        if (status >= 200 && status < 300 && Fuzz.WRITES.contains(op.method())) {
            written.add(Fuzz.Api.area(op.path()));
        }
        String what = api.name + " " + stranger.role() + " of " + stranger.organization() + ": " + op.method() + " "
                + op.path().replace("{" + first + "}", object.id()) + " (" + object.owner() + "'s) -> " + status + " "
                + Fuzz.Tally.snippet(answer);
        if (status >= 200 && status < 300) {
            tally.violation("2xx on a foreign object", what);
            return;
        }
        if (HIDDEN.contains(status)) {
            return;
        }
        values.put(first, Fuzz.Api.unknownId(object.id()));
        int nothing = send(api, op.withPathValues(values), stranger).status();
        if (status != nothing) {
            tally.violation("a foreign object answers unlike a missing one", what + " (missing: " + nothing + ")");
        }
    }

    Fuzz.Answer send(Fuzz.Api api, Fuzz.Operation op, Actors.Actor stranger) {
        Fuzz.Mutant baseline = new Fuzz.Mutator(new Random(fuzz.seed), op, stranger.token()).mutate(true);
        Fuzz.Mutant request = new Fuzz.Mutant(baseline.method(), baseline.target(), baseline.headers(), baseline.body(),
                "foreign " + stranger.role());
        Fuzz.Answer answer = Fuzz.send(api.base, request);
        tally.record(request, answer, api.name);
        return answer;
    }

    Fuzz.Answer get(Fuzz.Api api, String target, Actors.Actor caller) {
        Fuzz.Mutant request = new Fuzz.Mutant("GET", target, Map.of("Authorization", "Bearer " + caller.token()), null);
        Fuzz.Answer answer = Fuzz.send(api.base, request);
        tally.record(request, answer, api.name);
        return answer;
    }

    /** The keys of the items of the first page of a list, as {@code caller} sees it. */
    List<String> ids(Fuzz.Api api, String target, String key, Actors.Actor caller) {
        Fuzz.Answer answer = get(api, target, caller);
        List<String> ids = new ArrayList<>();
        if (answer.status() == 200 && Fuzz.Json.parseOrNull(answer.text()) instanceof Map<?, ?> page
                && page.get("data") instanceof List<?> data) {
            for (Object item : data) {
                if (item instanceof Map<?, ?> m && Fuzz.Api.idOf(m, key) != null) {
                    ids.add(Fuzz.Api.idOf(m, key));
                }
            }
        }
        return ids;
    }
}
