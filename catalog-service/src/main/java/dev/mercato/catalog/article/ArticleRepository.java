package dev.mercato.catalog.article;

import java.util.Collection;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import dev.mercato.platform.persistence.UniqueLookups;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;

/** Articles, found by id or SKU. */
@ApplicationScoped
public class ArticleRepository implements PanacheRepositoryBase<Article, String> {

    /** The article with {@code sku}, or null. */
    public Uni<Article> findBySku(String sku) {
        return UniqueLookups.oneOrNull(find("sku", sku));
    }

    /** The articles whose SKU is among {@code skus}. */
    public Uni<List<Article>> listBySkus(Collection<String> skus) {
        return skus.isEmpty() ? Uni.createFrom().item(List.of()) : list("sku in ?1", skus);
    }
}
