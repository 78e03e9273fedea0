package dev.mercato.order.subscription;

/** How a subscription's seats are used. */
public enum Deployment {
    SINGLE_USER, MULTI_USER, FLEX, NA
}
