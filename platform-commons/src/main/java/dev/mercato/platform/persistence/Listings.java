package dev.mercato.platform.persistence;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

import dev.mercato.platform.api.PageResponse;
import dev.mercato.platform.query.ListQuery;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.PanacheQuery;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

/**
 * The two ways every list endpoint reads a repository: one page of a {@link ListQuery}, and the
 * whole visible set for {@code -dump}, streamed in id order chunk by chunk so memory stays flat.
 * {@code visibility} is the caller's access condition (HQL with named parameters, "" for none);
 * it is always AND-ed with whatever the caller asked for.
 */
public final class Listings {

    static final int DUMP_CHUNK = 500;

    private Listings() {
    }

    /** One page of {@code query} within {@code visibility}, counted and mapped. Needs an open session. */
    public static <E, R> Uni<PageResponse<R>> page(PanacheRepositoryBase<E, ?> repository, Visibility visibility,
            ListQuery query, Function<E, R> toResponse) {
        String where = and(visibility.condition(), query.where());
        Map<String, Object> parameters = new HashMap<>(visibility.parameters());
        parameters.putAll(query.parameters());
        PanacheQuery<E> found = where.isEmpty()
                ? repository.findAll(query.sort())
                : repository.find(where, query.sort(), parameters);
        return found.count().chain(total -> found.range((int) query.offset(), (int) (query.offset() + query.limit() - 1))
                .list()
                .map(rows -> PageResponse.of(rows.stream().map(toResponse).toList(), query.pagination(total))));
    }

    /**
     * Every row within {@code visibility}, in id order, read {@value #DUMP_CHUNK} at a time, each chunk in
     * its own session. {@code idAttribute} is the entity's (string) id attribute.
     */
    public static <E, R> Multi<R> dump(PanacheRepositoryBase<E, ?> repository, Visibility visibility,
            String idAttribute, Function<E, String> idOf, Function<E, R> toResponse) {
        AtomicReference<String> after = new AtomicReference<>("");
        String where = and(visibility.condition(), idAttribute + " > :dumpAfter");
        return Multi.createBy().repeating()
                .uni(() -> Panache.withSession(() -> {
                    Map<String, Object> parameters = new HashMap<>(visibility.parameters());
                    parameters.put("dumpAfter", after.get());
                    return repository.find(where, Sort.by(idAttribute), parameters).range(0, DUMP_CHUNK - 1).list();
                }))
                .whilst(chunk -> chunk.size() == DUMP_CHUNK)
                .onItem().invoke(chunk -> {
                    if (!chunk.isEmpty()) {
                        after.set(idOf.apply(chunk.get(chunk.size() - 1)));
                    }
                })
                .onItem().transformToIterable(chunk -> chunk.stream().map(toResponse).toList());
    }

    /**
     * The row matching {@code condition} (HQL with named parameters) within {@code visibility}; null when there
     * is none or the caller may not see it. Needs an open session.
     */
    public static <E> Uni<E> findVisible(PanacheRepositoryBase<E, ?> repository, String condition,
            Map<String, Object> parameters, Visibility visibility) {
        Map<String, Object> all = new HashMap<>(visibility.parameters());
        all.putAll(parameters);
        return UniqueLookups.oneOrNull(repository.find(and(condition, visibility.condition()), all));
    }

    private static String and(String first, String second) {
        if (first.isEmpty()) {
            return second;
        }
        return second.isEmpty() ? first : "(" + first + ") and (" + second + ")";
    }

    /** The rows a caller may see: an HQL condition and its named parameters. */
    public record Visibility(String condition, Map<String, Object> parameters) {

        public static final Visibility ALL = new Visibility("", Map.of());

        public Visibility {
            parameters = Map.copyOf(parameters);
        }

        public static Visibility of(String condition, Map<String, Object> parameters) {
            return new Visibility(condition, parameters);
        }

    }
}
