package dev.mercato.catalog.article;

/** The kind of contract an article is sold under; NA when not applicable. */
public enum ContractType {
    MAINTENANCE, SUBSCRIPTION, FLEX, NA
}
