package dev.mercato.order.account;

/** Whether an account may be ordered for. */
public enum AccountStatus {
    ACTIVE, INACTIVE, SUSPENDED
}
