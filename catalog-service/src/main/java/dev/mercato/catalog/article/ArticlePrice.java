package dev.mercato.catalog.article;

import java.math.BigDecimal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One currency's amount in an article's purchase ({@code PUR}) or suggested retail ({@code SRP}) price object. */
@Entity
@Table(name = "article_price")
public class ArticlePrice {

    public static final String PURCHASE = "PUR";
    public static final String RETAIL = "SRP";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "article_id", nullable = false)
    public String articleId;

    /** {@link #PURCHASE} or {@link #RETAIL}. */
    @Column(name = "price_list", nullable = false)
    public String priceList;

    /** Lower-case ISO 4217 code. */
    @Column(nullable = false)
    public String currency;

    @Column(nullable = false)
    public BigDecimal amount;

    static ArticlePrice of(String articleId, String priceList, String currency, BigDecimal amount) {
        ArticlePrice price = new ArticlePrice();
        price.articleId = articleId;
        price.priceList = priceList;
        price.currency = currency;
        price.amount = amount;
        return price;
    }
}
