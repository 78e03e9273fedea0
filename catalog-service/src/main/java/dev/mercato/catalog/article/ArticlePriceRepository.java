package dev.mercato.catalog.article;

import java.util.Collection;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;

/** The amounts of articles' price objects. */
@ApplicationScoped
public class ArticlePriceRepository implements PanacheRepositoryBase<ArticlePrice, Long> {

    public Uni<List<ArticlePrice>> listFor(Collection<String> articleIds) {
        return articleIds.isEmpty() ? Uni.createFrom().item(List.of())
                : list("articleId in ?1 order by currency", articleIds);
    }

    /** Removes one price object of an article, before it is replaced. */
    public Uni<Long> deleteList(String articleId, String priceList) {
        return delete("articleId = ?1 and priceList = ?2", articleId, priceList);
    }
}
