package dev.mercato.identity.organization;

import java.security.SecureRandom;
import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;

import dev.mercato.platform.api.ApiException;
import dev.mercato.platform.events.OrganizationChangedV1;
import dev.mercato.platform.events.Topics;
import dev.mercato.platform.id.Ids;
import dev.mercato.platform.money.Money;
import dev.mercato.platform.outbox.Outbox;
import dev.mercato.platform.validation.IsoCodes;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

/** Creates and changes organizations; every change is published through the outbox. */
@ApplicationScoped
public class OrganizationService {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final OrganizationRepository organizations;
    private final OrganizationMapper mapper;
    private final Outbox outbox;

    public OrganizationService(OrganizationRepository organizations, OrganizationMapper mapper, Outbox outbox) {
        this.organizations = organizations;
        this.mapper = mapper;
        this.outbox = outbox;
    }

    @WithTransaction
    public Uni<Organization> createTenant(CreateTenantRequest request) {
        if (!IsoCodes.isCountry(request.countryCode())) {
            throw ApiException.invalidField("countryCode", "must be an ISO 3166-1 alpha-2 code such as FI");
        }
        String currency = currencyOf(request.currency());
        return parentOf(request.parentId())
                .chain(parent -> customerNumberFor(request.customerNumber())
                        .chain(customerNumber -> {
                            Organization tenant = newTenant(request, parent, customerNumber, currency);
                            return organizations.persist(tenant)
                                    .call(saved -> organizations.flush())
                                    .call(saved -> outbox.publish(Topics.IDENTITY_ORGANIZATIONS, saved.id,
                                            OrganizationChangedV1.CREATED, mapper.toEvent(saved)));
                        }));
    }

    private Organization newTenant(CreateTenantRequest request, Organization parent, String customerNumber,
            String currency) {
        Instant now = Instant.now();
        Organization tenant = new Organization();
        tenant.id = Ids.next("org");
        tenant.kind = OrganizationKind.TENANT;
        tenant.parentId = parent == null ? null : parent.id;
        tenant.ancestry = parent == null ? "" : (parent.ancestry.isEmpty() ? parent.id : parent.ancestry + "/" + parent.id);
        tenant.name = request.name().strip();
        tenant.externalId = request.externalId();
        tenant.customerNumber = customerNumber;
        tenant.countryCode = request.countryCode();
        tenant.address = addressOf(request.address());
        tenant.segment = request.segment();
        tenant.status = OrganizationStatus.ACTIVE;
        tenant.currency = currency;
        tenant.billingDay = request.billingDay() == null ? 1 : request.billingDay();
        tenant.metadata = mapper.metadataJson(request.metadata());
        tenant.createdAt = now;
        tenant.updatedAt = now;
        return tenant;
    }

    private Uni<Organization> parentOf(String parentId) {
        if (parentId == null) {
            return Uni.createFrom().nullItem();
        }
        return organizations.findOfKind(parentId, OrganizationKind.PARTNER)
                .onItem().ifNull().failWith(() -> ApiException.invalidField("parentId", "must be the id of a partner"));
    }

    private Uni<String> customerNumberFor(String requested) {
        if (requested == null) {
            return Uni.createFrom().item(this::randomCustomerNumber);
        }
        return organizations.customerNumberTaken(requested).map(taken -> {
            if (taken) {
                throw ApiException.conflict("customerNumber '" + requested + "' belongs to another organization");
            }
            return requested;
        });
    }

    /** Ten digits, the first not zero, as the CSNs of seed 003. */
    private String randomCustomerNumber() {
        return String.valueOf(1_000_000_000L + (long) (RANDOM.nextDouble() * 8_999_999_999L));
    }

    private static String currencyOf(String code) {
        try {
            return Money.normalizeCurrency(code == null ? "eur" : code);
        } catch (IllegalArgumentException e) {
            throw ApiException.invalidField("currency", "must be an ISO 4217 code such as eur");
        }
    }

    private static Address addressOf(CreateTenantRequest.AddressRequest request) {
        if (request == null) {
            return null;
        }
        Address address = new Address();
        address.line1 = request.line1();
        address.line2 = request.line2();
        address.line3 = request.line3();
        address.city = request.city();
        address.postalCode = request.postalCode();
        address.stateProvince = request.stateProvince();
        address.country = request.country();
        return address;
    }
}
