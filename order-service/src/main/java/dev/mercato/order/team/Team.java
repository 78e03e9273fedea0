package dev.mercato.order.team;

import java.time.Instant;
import java.time.LocalDate;

import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import dev.mercato.order.account.CustomerRef;

/**
 * A customer's named group of subscriptions with one primary admin. Its counts follow its subscriptions:
 * they are recomputed whenever one of them changes.
 */
@Entity
@Table(name = "team")
public class Team {

    @Id
    public String id;

    @Embedded
    public CustomerRef customer;

    @Column(nullable = false)
    public String name;

    @Column(name = "primary_admin_email")
    public String primaryAdminEmail;

    @Column(name = "primary_admin_first_name")
    public String primaryAdminFirstName;

    @Column(name = "primary_admin_last_name")
    public String primaryAdminLastName;

    /** Seats of its active subscriptions. */
    @Column(nullable = false)
    public int seats;

    /** How many active subscriptions it has. */
    @Column(name = "product_seats", nullable = false)
    public int productSeats;

    /** The latest end date among its subscriptions. */
    @Column(name = "latest_end_date")
    public LocalDate latestEndDate;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "last_updated", nullable = false)
    public Instant lastUpdated;

    @Version
    public long version;
}
