package dev.mercato.order.contract;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import dev.mercato.order.account.CustomerRef;
import dev.mercato.order.account.SalesChannel;
import dev.mercato.order.subscription.Prices;
import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * A customer's contract: subscriptions sharing a term, dates and a contract manager, identified by its
 * contract number. Its items and totals summarise its subscriptions and are recomputed (and the
 * contract published) whenever one of them changes.
 */
@Entity
@Table(name = "contract")
public class Contract {

    @Id
    public String id;

    @Column(name = "contract_number", nullable = false, unique = true)
    public String contractNumber;

    @Embedded
    public CustomerRef customer;

    @Embedded
    public SalesChannel channel;

    @Column(name = "contract_start_date", nullable = false)
    public LocalDate contractStartDate;

    @Column(name = "contract_end_date", nullable = false)
    public LocalDate contractEndDate;

    /** The day the current end date was set: expiry notices count only thresholds reached since. */
    @Column(name = "end_date_set_on", nullable = false)
    public LocalDate endDateSetOn;

    /** Months. */
    @Column(name = "contract_term", nullable = false)
    public int contractTerm;

    @Column(name = "contract_renewal_counter", nullable = false)
    public int contractRenewalCounter;

    @Enumerated(EnumType.STRING)
    @Column(name = "contract_type", nullable = false)
    public ContractType contractType;

    @Embedded
    public ContractManager contractManager;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "items", nullable = false)
    public Items itemSet;

    /** The sum of the items' totals. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public Prices prices;

    @Column(name = "total_quantity", nullable = false)
    public int totalQuantity;

    @Column(name = "total_seats", nullable = false)
    public int totalSeats;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "last_updated", nullable = false)
    public Instant lastUpdated;

    @Version
    public long version;

    public List<ContractItem> items() {
        return itemSet.items();
    }

    /** The stored form of a contract's items; a JSON object, as Hibernate Reactive binds JSON columns. */
    @RegisterForReflection // stored as JSON in contract.items
    public record Items(List<ContractItem> items) {

        public Items {
            items = items == null ? List.of() : List.copyOf(items);
        }
    }
}
