package dev.mercato.catalog.rate;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import dev.mercato.platform.api.ApiException;
import dev.mercato.platform.events.ExchangeRateChangedV1;
import dev.mercato.platform.events.Topics;
import dev.mercato.platform.id.Ids;
import dev.mercato.platform.outbox.Outbox;
import dev.mercato.platform.security.Caller;
import dev.mercato.platform.security.Scopes;
import dev.mercato.pricing.Conversion;
import dev.mercato.pricing.Currencies;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Exchange rates: the platform adds and deactivates them (never edits them), and {@link #rateOn} says
 * which one converts one currency into another on a day, for conversions and quotes alike. Every change
 * is published on {@code catalog.exchange-rates} in the same transaction.
 */
@ApplicationScoped
public class ExchangeRateService {

    private final Clock clock;
    private final ExchangeRateRepository rates;
    private final Outbox outbox;
    private final Pool pool;

    public ExchangeRateService(ExchangeRateRepository rates, Outbox outbox, Pool pool, Clock clock) {
        this.clock = clock;
        this.rates = rates;
        this.outbox = outbox;
        this.pool = pool;
    }

    /**
     * The rate that converts {@code from} into {@code to} on {@code day}: the active rate of that pair with
     * the latest {@code validFrom} on or before the day; when the pair has none, the same of the reverse
     * pair, applied inversely; empty when neither has one. Codes are checked ({@code from}, {@code to}).
     */
    public Uni<Optional<AppliedRate>> rateOn(String from, String to, LocalDate day) {
        String base = Currencies.normalize(from, "from");
        String counter = Currencies.normalize(to, "to");
        if (base.equals(counter)) {
            return Uni.createFrom().item(Optional.of(AppliedRate.identity(base)));
        }
        // One statement on the reactive client, no ORM session: quotes look rates up on their hot path.
        return pool.preparedQuery("""
                select id, base_currency, counter_currency, rate, valid_from from exchange_rate
                where active and valid_from <= $3
                  and ((base_currency = $1 and counter_currency = $2) or (base_currency = $2 and counter_currency = $1))
                order by base_currency = $1 desc, valid_from desc limit 1""")
                .execute(Tuple.of(base, counter, day))
                .map(rows -> {
                    if (rows.size() == 0) {
                        return Optional.<AppliedRate>empty();
                    }
                    Row row = rows.iterator().next();
                    boolean inverse = !base.equals(row.getString("base_currency"));
                    return Optional.of(new AppliedRate(base, counter, row.getString("id"), row.getString("base_currency"),
                            row.getString("counter_currency"), row.getBigDecimal("rate"), row.getLocalDate("valid_from"),
                            inverse));
                });
    }

    @WithTransaction
    public Uni<ExchangeRate> create(CreateExchangeRateRequest request, Caller caller) {
        requirePlatform(caller);
        // The pricing module's checks: ISO codes, a rate above 0 with at most 12 decimals and at most 10^9.
        Conversion checked = new Conversion(request.baseCurrency(), request.counterCurrency(), request.rate());
        if (checked.from().equals(checked.to())) {
            throw ApiException.invalidField("counterCurrency", "must differ from baseCurrency");
        }
        LocalDate validFrom = request.validFrom() != null ? request.validFrom() : LocalDate.now(clock);
        return rates.activeStarting(checked.from(), checked.to(), validFrom).chain(existing -> {
            if (existing != null) {
                throw ApiException.conflict("An active " + checked.from() + "/" + checked.to() + " rate valid from "
                        + validFrom + " already exists (" + existing.id + "); deactivate it first");
            }
            ExchangeRate rate = new ExchangeRate();
            rate.id = Ids.next("xr");
            rate.baseCurrency = checked.from();
            rate.counterCurrency = checked.to();
            rate.rate = checked.rate().scale() < 0 ? checked.rate().setScale(0) : checked.rate();
            rate.validFrom = validFrom;
            rate.active = true;
            rate.createdAt = Instant.now();
            return rates.persist(rate).call(this::publish);
        });
    }

    /** Takes a rate out of use for good; deactivating an inactive rate changes nothing. */
    @WithTransaction
    public Uni<ExchangeRate> deactivate(String id, Caller caller) {
        requirePlatform(caller);
        return rates.findById(id)
                .onItem().ifNull().failWith(() -> ApiException.notFound("exchange rate", id))
                .call(rate -> {
                    if (!rate.active) {
                        return Uni.createFrom().voidItem();
                    }
                    rate.active = false;
                    rate.deactivatedAt = Instant.now();
                    return publish(rate);
                });
    }

    private Uni<Void> publish(ExchangeRate rate) {
        return rates.flush().chain(() -> outbox.publish(Topics.CATALOG_EXCHANGE_RATES, rate.id,
                ExchangeRateChangedV1.TYPE, new ExchangeRateChangedV1(rate.id, rate.baseCurrency, rate.counterCurrency,
                        rate.rate, rate.validFrom, rate.active, rate.createdAt, rate.deactivatedAt, rate.version)))
                .replaceWithVoid();
    }

    /** Exchange rates are the platform operator's: a vendor holds {@code write:catalog} too, but not for these. */
    private static void requirePlatform(Caller caller) {
        caller.requireScope(Scopes.WRITE_CATALOG);
        caller.requireWriter();
        if (!"PLATFORM".equals(caller.organizationKind())) {
            throw ApiException.forbidden("Only the platform operator manages exchange rates");
        }
    }

    /** Checks an amount to convert: a decimal of at most 10^12 either way. */
    static BigDecimal amountToConvert(String given) {
        if (given == null || given.isBlank()) {
            throw ApiException.invalidField("amount", "is required");
        }
        BigDecimal amount;
        try {
            amount = given.length() > 40 ? null : new BigDecimal(given.strip());
        } catch (NumberFormatException e) {
            amount = null;
        }
        if (amount == null || amount.abs().compareTo(new BigDecimal("1000000000000")) > 0 || amount.scale() > 12) {
            throw ApiException.invalidField("amount", "must be a decimal of at most 1000000000000 with at most 12 decimals");
        }
        return amount;
    }
}
