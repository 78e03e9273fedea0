package dev.mercato.order.opportunity;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import jakarta.persistence.AttributeOverride;
import jakarta.persistence.AttributeOverrides;
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
import dev.mercato.order.contract.ContractManager;
import dev.mercato.order.contract.ContractType;
import dev.mercato.order.subscription.Prices;
import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * A renewal due: the subscriptions of one contract that end on one date, created 90 days before it.
 * A renewal order consumes it ({@code closedAt}); a partial renewal leaves the rest open under a new number.
 */
@Entity
@Table(name = "opportunity")
public class Opportunity {

    @Id
    public String id;

    @Column(name = "opportunity_number", nullable = false, unique = true)
    public String opportunityNumber;

    @Column(name = "contract_id", nullable = false)
    public String contractId;

    @Column(name = "contract_number", nullable = false)
    public String contractNumber;

    @Column(name = "contract_renewal_counter", nullable = false)
    public int contractRenewalCounter;

    @Column(name = "contract_term", nullable = false)
    public int contractTerm;

    @Enumerated(EnumType.STRING)
    @Column(name = "contract_type", nullable = false)
    public ContractType contractType;

    @Embedded
    public CustomerRef customer;

    @Embedded
    public SalesChannel channel;

    /** The contract manager, shown as the opportunity's contact. */
    @Embedded
    @AttributeOverrides({
            @AttributeOverride(name = "email", column = @Column(name = "contact_email")),
            @AttributeOverride(name = "firstName", column = @Column(name = "contact_first_name")),
            @AttributeOverride(name = "lastName", column = @Column(name = "contact_last_name")),
            @AttributeOverride(name = "phone", column = @Column(name = "contact_phone"))
    })
    public ContractManager contact;

    @Enumerated(EnumType.STRING)
    @Column(name = "sales_status", nullable = false)
    public SalesStatus salesStatus;

    @Column(name = "subscription_end_date", nullable = false)
    public LocalDate subscriptionEndDate;

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

    /** When a renewal consumed it; an open opportunity has none. */
    @Column(name = "closed_at")
    public Instant closedAt;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "last_updated", nullable = false)
    public Instant lastUpdated;

    @Version
    public long version;

    public List<OpportunityItem> items() {
        return itemSet.items();
    }

    /** The stored form of an opportunity's items; a JSON object, as Hibernate Reactive binds JSON columns. */
    @RegisterForReflection // stored as JSON in opportunity.items
    public record Items(List<OpportunityItem> items) {

        public Items {
            items = items == null ? List.of() : List.copyOf(items);
        }
    }
}
