package dev.mercato.catalog.article;

import java.util.Collection;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;

/** Articles' links, in the order they were given. */
@ApplicationScoped
public class ArticleLinkRepository implements PanacheRepositoryBase<ArticleLink, Long> {

    public Uni<List<ArticleLink>> listFor(Collection<String> articleIds) {
        return articleIds.isEmpty() ? Uni.createFrom().item(List.of())
                : list("articleId in ?1 order by articleId, position", articleIds);
    }

    /** Removes an article's links, before they are replaced. */
    public Uni<Long> deleteFor(String articleId) {
        return delete("articleId", articleId);
    }
}
