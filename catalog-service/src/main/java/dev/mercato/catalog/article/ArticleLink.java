package dev.mercato.catalog.article;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** From an article, the SKU to use for an order type (e.g. the SKU that renews it or adds a seat to it). */
@Entity
@Table(name = "article_link")
public class ArticleLink {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "article_id", nullable = false)
    public String articleId;

    /** Keeps the links in the order they were given. */
    @Column(nullable = false)
    public int position;

    @Column(name = "linked_sku", nullable = false)
    public String linkedSku;

    @Enumerated(EnumType.STRING)
    @Column(name = "order_type", nullable = false)
    public OrderType orderType;

    static ArticleLink of(String articleId, int position, String linkedSku, OrderType orderType) {
        ArticleLink link = new ArticleLink();
        link.articleId = articleId;
        link.position = position;
        link.linkedSku = linkedSku;
        link.orderType = orderType;
        return link;
    }
}
