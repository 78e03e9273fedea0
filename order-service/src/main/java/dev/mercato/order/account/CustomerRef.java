package dev.mercato.order.account;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/**
 * The customer an order-side row belongs to, copied from its account: {@code path} decides who sees the
 * row (the customer's organization and those above it), the rest is shown as the customer's identity.
 */
@Embeddable
public class CustomerRef {

    @Column(name = "customer_id", nullable = false)
    public String id;

    @Column(name = "customer_path", nullable = false)
    public String path;

    @Column(name = "customer_csn", nullable = false)
    public String csn;

    @Column(name = "customer_name", nullable = false)
    public String name;

    public static CustomerRef of(Account customer) {
        CustomerRef ref = new CustomerRef();
        ref.id = customer.id;
        ref.path = customer.path;
        ref.csn = customer.csn;
        ref.name = customer.name;
        return ref;
    }

    public CustomerRef copy() {
        CustomerRef ref = new CustomerRef();
        ref.id = id;
        ref.path = path;
        ref.csn = csn;
        ref.name = name;
        return ref;
    }
}
