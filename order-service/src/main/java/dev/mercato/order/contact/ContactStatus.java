package dev.mercato.order.contact;

/** Whether a contact is still reachable at its customer; the reseller API's values. */
public enum ContactStatus {
    ACTIVE, REGISTERED, INCOMPLETE_REGISTRATION, INACTIVE, NOT_AT_COMPANY, DECEASED, OUT_OF_BUSINESS, NA
}
