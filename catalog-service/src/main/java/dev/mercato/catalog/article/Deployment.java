package dev.mercato.catalog.article;

/** How the product of an article is deployed; NA when not applicable. */
public enum Deployment {
    SINGLE_USER, MULTI_USER, FLEX, NA
}
