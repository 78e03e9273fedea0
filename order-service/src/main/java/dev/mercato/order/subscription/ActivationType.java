package dev.mercato.order.subscription;

/** How a subscription is activated: signing on (preferred) or the older serial number. */
public enum ActivationType {
    SIGN_ON, SERIAL_NUMBER
}
