package dev.mercato.order.account;

import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.mercato.platform.events.OrganizationChangedV1;
import dev.mercato.platform.messaging.IncomingEvent;
import dev.mercato.platform.messaging.PoisonEventException;
import io.smallrye.mutiny.Uni;

/** Applies organization events to the accounts read model; runs inside the consumer's transaction. */
@ApplicationScoped
public class AccountProjector {

    private static final Logger LOG = Logger.getLogger(AccountProjector.class);

    private final AccountRepository accounts;
    private final ObjectMapper json;

    public AccountProjector(AccountRepository accounts, ObjectMapper json) {
        this.accounts = accounts;
        this.json = json;
    }

    public Uni<Void> apply(IncomingEvent event) {
        if (!OrganizationChangedV1.CREATED.equals(event.type()) && !OrganizationChangedV1.UPDATED.equals(event.type())) {
            LOG.debugf("ignoring event type %s", event.type());
            return Uni.createFrom().voidItem();
        }
        OrganizationChangedV1 organization = event.dataAs(OrganizationChangedV1.class, json);
        AccountType type = organization.kind() == null ? null : AccountType.ofOrganizationKind(organization.kind());
        if (organization.id() == null || type == null || organization.name() == null) {
            throw new PoisonEventException("event " + event.id() + " lacks id, a known kind or name");
        }
        return accounts.findById(organization.id()).chain(existing -> {
            if (existing != null && existing.sourceVersion >= organization.version()) {
                return Uni.createFrom().voidItem(); // an older or the same snapshot, seen late
            }
            Account account = existing != null ? existing : new Account();
            copy(organization, type, account);
            return existing != null ? Uni.createFrom().voidItem() : accounts.persist(account).replaceWithVoid();
        });
    }

    private void copy(OrganizationChangedV1 organization, AccountType type, Account account) {
        account.id = organization.id();
        account.csn = organization.customerNumber();
        account.name = organization.name();
        account.accountType = type;
        account.status = statusOf(organization.status());
        account.parentId = organization.parentId();
        account.ancestry = organization.ancestry() == null ? "" : String.join("/", organization.ancestry());
        account.path = account.ancestry.isEmpty() ? account.id : account.ancestry + "/" + account.id;
        account.externalId = organization.externalId();
        account.countryCode = organization.countryCode();
        OrganizationChangedV1.AddressV1 address = organization.address();
        account.addressLine1 = address == null ? null : address.line1();
        account.addressLine2 = address == null ? null : address.line2();
        account.addressLine3 = address == null ? null : address.line3();
        account.city = address == null ? null : address.city();
        account.postal = address == null ? null : address.postalCode();
        account.stateProvince = address == null ? null : address.stateProvince();
        account.country = address == null ? null : address.country();
        account.segment = organization.segment();
        account.currency = organization.currency();
        account.metadata = metadataJson(organization.metadata());
        account.createdAt = organization.createdAt();
        account.lastUpdated = organization.updatedAt();
        account.sourceVersion = organization.version();
    }

    private static AccountStatus statusOf(String status) {
        try {
            return AccountStatus.valueOf(status);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new PoisonEventException("unknown organization status " + status);
        }
    }

    private String metadataJson(Map<String, Object> metadata) {
        try {
            return json.writeValueAsString(metadata == null ? Map.of() : metadata);
        } catch (JsonProcessingException e) {
            throw new PoisonEventException("metadata is not JSON", e);
        }
    }
}
