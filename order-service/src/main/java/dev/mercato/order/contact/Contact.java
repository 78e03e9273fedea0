package dev.mercato.order.contact;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import dev.mercato.order.account.CustomerRef;

/**
 * A person at a customer that orders name: a contract manager, a primary team admin, or both. One per
 * customer and e-mail address, recorded from the contracts and subscriptions that name them.
 */
@Entity
@Table(name = "contact")
public class Contact {

    @Id
    public String id;

    @Embedded
    public CustomerRef customer;

    @Column(nullable = false)
    public String email;

    @Column(name = "first_name")
    public String firstName;

    @Column(name = "last_name")
    public String lastName;

    public String phone;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public ContactRole role;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public ContactStatus status;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "last_updated", nullable = false)
    public Instant lastUpdated;

    @Version
    public long version;
}
