package dev.mercato.catalog.rate;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
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
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

/**
 * Exchange rates: the platform adds and deactivates them (never edits them), and {@link #rateOn} says
 * which one converts one currency into another on a day, for conversions and quotes alike. Every change
 * is published on {@code catalog.exchange-rates} in the same transaction.
 */
@ApplicationScoped
public class ExchangeRateService {

    private final ExchangeRateRepository rates;
    private final Outbox outbox;

    public ExchangeRateService(ExchangeRateRepository rates, Outbox outbox) {
        this.rates = rates;
        this.outbox = outbox;
    }

    /**
     * The rate that converts {@code from} into {@code to} on {@code day}: the active rate of that pair with
     * the latest {@code validFrom} on or before the day; when the pair has none, the same of the reverse
     * pair, applied inversely; empty when neither has one. Codes are checked ({@code from}, {@code to}).
     */
    @WithSession
    public Uni<Optional<AppliedRate>> rateOn(String from, String to, LocalDate day) {
        String base = Currencies.normalize(from, "from");
        String counter = Currencies.normalize(to, "to");
        if (base.equals(counter)) {
            return Uni.createFrom().item(Optional.of(AppliedRate.identity(base)));
        }
        return rates.latestActive(base, counter, day).chain(direct -> direct != null
                ? Uni.createFrom().item(Optional.of(AppliedRate.of(direct, false)))
                : rates.latestActive(counter, base, day)
                        .map(reverse -> Optional.ofNullable(reverse).map(found -> AppliedRate.of(found, true))));
    }

    @WithTransaction
    public Uni<ExchangeRate> create(CreateExchangeRateRequest request, Caller caller) {
        requirePlatform(caller);
        // The pricing module's checks: ISO codes, a rate above 0 with at most 12 decimals and at most 10^9.
        Conversion checked = new Conversion(request.baseCurrency(), request.counterCurrency(), request.rate());
        if (checked.from().equals(checked.to())) {
            throw ApiException.invalidField("counterCurrency", "must differ from baseCurrency");
        }
        LocalDate validFrom = request.validFrom() != null ? request.validFrom() : LocalDate.now(ZoneOffset.UTC);
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
