package dev.mercato.billing.readmodel;

import java.util.HashMap;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.mercato.platform.events.ExchangeRateChangedV1;
import dev.mercato.platform.messaging.IncomingEvent;
import dev.mercato.platform.messaging.PoisonEventException;
import dev.mercato.platform.persistence.NativeStatements;
import io.smallrye.mutiny.Uni;

/** Applies exchange rates to {@code billing_exchange_rate}, each rate with the day it is valid from. */
@ApplicationScoped
public class ExchangeRateProjector {

    private final ObjectMapper json;

    public ExchangeRateProjector(ObjectMapper json) {
        this.json = json;
    }

    public Uni<Void> apply(IncomingEvent event) {
        if (!ExchangeRateChangedV1.TYPE.equals(event.type())) {
            return Uni.createFrom().voidItem();
        }
        ExchangeRateChangedV1 rate = event.dataAs(ExchangeRateChangedV1.class, json);
        if (rate.id() == null || rate.baseCurrency() == null || rate.counterCurrency() == null || rate.rate() == null
                || rate.rate().signum() <= 0 || rate.validFrom() == null) {
            throw new PoisonEventException("event " + event.id() + " lacks the rate's id, currencies, rate or validFrom");
        }
        Map<String, Object> row = new HashMap<>();
        row.put("id", rate.id());
        row.put("base", rate.baseCurrency().toLowerCase(java.util.Locale.ROOT));
        row.put("counter", rate.counterCurrency().toLowerCase(java.util.Locale.ROOT));
        row.put("rate", rate.rate());
        row.put("validFrom", rate.validFrom());
        row.put("active", rate.active());
        row.put("sourceVersion", rate.version());
        return NativeStatements.execute("""
                insert into billing_exchange_rate (id, base_currency, counter_currency, rate, valid_from, active, source_version)
                values (:id, :base, :counter, :rate, :validFrom, :active, :sourceVersion)
                on conflict (id) do update set base_currency = excluded.base_currency,
                    counter_currency = excluded.counter_currency, rate = excluded.rate, valid_from = excluded.valid_from,
                    active = excluded.active, source_version = excluded.source_version
                where billing_exchange_rate.source_version < excluded.source_version""", row).replaceWithVoid();
    }
}
