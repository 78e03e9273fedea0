package dev.mercato.catalog.article;

/**
 * The product division an article belongs to: architecture, engineering and construction; horizontal;
 * media and entertainment; product design and manufacturing; open.
 */
public enum ProductDivision {
    AEC, HOR, ME, MFG, OPEN
}
