package dev.mercato.catalog.rate;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/**
 * A currency exchange rate: from {@code validFrom} on, one unit of {@code baseCurrency} is {@code rate}
 * units of {@code counterCurrency}. Never edited: a rate of the same pair with a later {@code validFrom}
 * supersedes it, and deactivation takes it out of use; either way it stays as history.
 */
@Entity
@Table(name = "exchange_rate")
public class ExchangeRate {

    @Id
    public String id;

    /** Lower-case ISO 4217 code. */
    @Column(name = "base_currency", nullable = false)
    public String baseCurrency;

    /** Lower-case ISO 4217 code. */
    @Column(name = "counter_currency", nullable = false)
    public String counterCurrency;

    @Column(nullable = false)
    public BigDecimal rate;

    @Column(name = "valid_from", nullable = false)
    public LocalDate validFrom;

    @Column(nullable = false)
    public boolean active;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "deactivated_at")
    public Instant deactivatedAt;

    @Version
    @Column(nullable = false)
    public long version;
}
