package dev.mercato.identity.organization;

import java.security.SecureRandom;
import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;

import dev.mercato.platform.api.ApiException;
import dev.mercato.platform.events.OrganizationChangedV1;
import dev.mercato.platform.events.Topics;
import dev.mercato.platform.id.Ids;
import dev.mercato.platform.persistence.UniqueLookups;
import dev.mercato.pricing.Currencies;
import dev.mercato.platform.outbox.Outbox;
import dev.mercato.platform.security.Caller;
import dev.mercato.platform.validation.IsoCodes;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

/**
 * Creates and changes organizations within the caller's part of the tree; every change is
 * published through the outbox on {@code identity.organizations}.
 */
@ApplicationScoped
public class OrganizationService {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final OrganizationRepository organizations;
    private final OrganizationMapper mapper;
    private final Outbox outbox;
    private final PlatformConfig platform;
    private final Instance<OrganizationStatusListener> statusListeners;

    public OrganizationService(OrganizationRepository organizations, OrganizationMapper mapper, Outbox outbox,
            PlatformConfig platform, Instance<OrganizationStatusListener> statusListeners) {
        this.organizations = organizations;
        this.mapper = mapper;
        this.outbox = outbox;
        this.platform = platform;
        this.statusListeners = statusListeners;
    }

    /** The root organization, created on first use. */
    @WithTransaction
    public Uni<Organization> ensurePlatform() {
        return UniqueLookups.oneOrNull(organizations.find("kind", OrganizationKind.PLATFORM))
                .chain(existing -> existing != null ? Uni.createFrom().item(existing) : createPlatform());
    }

    private Uni<Organization> createPlatform() {
        Organization root = newOrganization(OrganizationKind.PLATFORM, null, platform.name(), platform.countryCode(),
                Currencies.normalize(platform.currency(), "mercato.platform.currency"), randomCustomerNumber());
        root.metadata = mapper.metadataJson(null);
        return persistAndPublish(root, OrganizationChangedV1.CREATED);
    }

    /** Creates an organization of {@code kind} under a parent the caller manages (default: the caller's own). */
    @WithTransaction
    public Uni<Organization> create(OrganizationKind kind, CreateOrganizationRequest request, Caller caller) {
        caller.requireScope(kind.writeScope());
        caller.requireWriter();
        String currency = currencyOf(request.currency());
        requireCountry(request.countryCode());
        return parentFor(kind, request.parentId(), caller)
                .chain(parent -> customerNumberFor(request.customerNumber())
                        .chain(customerNumber -> {
                            Organization organization = newOrganization(kind, parent, request.name(),
                                    request.countryCode(), currency, customerNumber);
                            organization.externalId = request.externalId();
                            organization.address = addressOf(request.address());
                            organization.segment = request.segment();
                            if (request.billingDay() != null) {
                                organization.billingDay = request.billingDay();
                            }
                            organization.metadata = mapper.metadataJson(request.metadata());
                            return persistAndPublish(organization, OrganizationChangedV1.CREATED);
                        }));
    }

    /** Changes the given fields of an organization of {@code kind} the caller can see. */
    @WithTransaction
    public Uni<Organization> update(OrganizationKind kind, String id, UpdateOrganizationRequest request, Caller caller) {
        caller.requireScope(kind.writeScope());
        caller.requireWriter();
        if (request.countryCode() != null) {
            requireCountry(request.countryCode());
        }
        String currency = request.currency() == null ? null : currencyOf(request.currency());
        return visible(kind, id, caller).chain(organization -> {
            OrganizationStatus previousStatus = organization.status;
            if (request.name() != null) {
                organization.name = request.name().strip();
            }
            if (request.externalId() != null) {
                organization.externalId = request.externalId();
            }
            if (request.countryCode() != null) {
                organization.countryCode = request.countryCode();
            }
            if (request.address() != null) {
                organization.address = addressOf(request.address());
            }
            if (request.segment() != null) {
                organization.segment = request.segment();
            }
            if (request.status() != null) {
                organization.status = request.status();
            }
            if (currency != null) {
                organization.currency = currency;
            }
            if (request.billingDay() != null) {
                organization.billingDay = request.billingDay();
            }
            if (request.metadata() != null) {
                organization.metadata = mapper.metadataJson(request.metadata());
            }
            organization.updatedAt = Instant.now();
            return organizations.flush()
                    .call(() -> outbox.publish(Topics.IDENTITY_ORGANIZATIONS, organization.id,
                            OrganizationChangedV1.UPDATED, mapper.toEvent(organization)))
                    .call(() -> statusChanged(organization, previousStatus))
                    .replaceWith(organization);
        });
    }

    /** Tells every {@link OrganizationStatusListener}, one after the other, when the status changed. */
    private Uni<Void> statusChanged(Organization organization, OrganizationStatus previous) {
        Uni<Void> chain = Uni.createFrom().voidItem();
        if (organization.status == previous) {
            return chain;
        }
        for (OrganizationStatusListener listener : statusListeners) {
            chain = chain.call(() -> listener.statusChanged(organization, previous));
        }
        return chain;
    }

    /** The organization, when it is of {@code kind} and the caller may see it; 404 otherwise. */
    public Uni<Organization> visible(OrganizationKind kind, String id, Caller caller) {
        caller.requireScope(kind.readScope());
        return organizations.findOfKind(id, kind)
                .map(found -> found != null && caller.canSee(found.path) ? found : null)
                .onItem().ifNull().failWith(() -> ApiException.notFound(kind.name().toLowerCase(), id));
    }

    private Uni<Organization> persistAndPublish(Organization organization, String eventType) {
        return organizations.persist(organization)
                .call(organizations::flush)
                .call(saved -> outbox.publish(Topics.IDENTITY_ORGANIZATIONS, saved.id, eventType, mapper.toEvent(saved)));
    }

    private Organization newOrganization(OrganizationKind kind, Organization parent, String name, String countryCode,
            String currency, String customerNumber) {
        Instant now = Instant.now();
        Organization organization = new Organization();
        organization.id = Ids.next("org");
        organization.kind = kind;
        organization.parentId = parent == null ? null : parent.id;
        organization.ancestry = parent == null ? "" : parent.path;
        organization.path = parent == null ? organization.id : parent.path + "/" + organization.id;
        organization.name = name.strip();
        organization.customerNumber = customerNumber;
        organization.countryCode = countryCode;
        organization.status = OrganizationStatus.ACTIVE;
        organization.currency = currency;
        organization.billingDay = 1;
        organization.createdAt = now;
        organization.updatedAt = now;
        return organization;
    }

    /** The parent named by {@code parentId}, or the caller's own organization when it is of the parent kind. */
    private Uni<Organization> parentFor(OrganizationKind kind, String parentId, Caller caller) {
        OrganizationKind parentKind = kind.parentKind();
        String wanted = parentId != null ? parentId
                : parentKind.name().equals(caller.organizationKind()) ? caller.organizationId() : null;
        if (wanted == null) {
            throw ApiException.invalidField("parentId", "is required: the id of the " + parentKind.name().toLowerCase()
                    + " this " + kind.name().toLowerCase() + " belongs to");
        }
        return organizations.findOfKind(wanted, parentKind)
                .map(parent -> parent != null && caller.canSee(parent.path) ? parent : null)
                .onItem().ifNull().failWith(() -> ApiException.invalidField("parentId",
                        "must be the id of a " + parentKind.name().toLowerCase() + " you manage"));
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

    /** Ten digits, the first not zero, the format of a customer number (CSN). */
    private String randomCustomerNumber() {
        return String.valueOf(1_000_000_000L + (long) (RANDOM.nextDouble() * 8_999_999_999L));
    }

    private static void requireCountry(String countryCode) {
        if (!IsoCodes.isCountry(countryCode)) {
            throw ApiException.invalidField("countryCode", "must be an ISO 3166-1 alpha-2 code such as FI");
        }
    }

    private static String currencyOf(String code) {
        return Currencies.normalize(code == null ? "eur" : code, "currency");
    }

    private static Address addressOf(CreateOrganizationRequest.AddressRequest request) {
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
