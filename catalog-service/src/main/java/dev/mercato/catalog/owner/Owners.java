package dev.mercato.catalog.owner;

import jakarta.enterprise.context.ApplicationScoped;

import dev.mercato.platform.api.ApiException;
import dev.mercato.platform.directory.OrganizationDirectory;
import dev.mercato.platform.security.Caller;
import io.smallrye.mutiny.Uni;

/**
 * Who owns a new catalogue item (listing, plan, discount, offer, vendor article): the caller's own
 * organization when it is a vendor; for the platform operator, the vendor it names with
 * {@code vendorId}, looked up in the organizations read model. Needs an open session.
 */
@ApplicationScoped
public class Owners {

    static final String VENDOR = "VENDOR";
    static final String PLATFORM = "PLATFORM";

    private final OrganizationDirectory directory;

    public Owners(OrganizationDirectory directory) {
        this.directory = directory;
    }

    public Uni<Owner> forNewItem(Caller caller, String vendorId) {
        if (VENDOR.equals(caller.organizationKind())) {
            if (vendorId != null && !vendorId.equals(caller.organizationId())) {
                throw ApiException.invalidField("vendorId", "must be your own organization's id, or left out");
            }
            return Uni.createFrom().item(new Owner(caller.organizationId(), caller.organizationPath()));
        }
        if (!PLATFORM.equals(caller.organizationKind())) {
            throw ApiException.forbidden("Only the platform operator and vendors manage the catalogue");
        }
        if (vendorId == null) {
            throw ApiException.invalidField("vendorId", "is required: the id of the vendor organization that owns it");
        }
        return directory.organization(vendorId).map(vendor -> {
            if (vendor == null || !VENDOR.equals(vendor.kind) || !caller.canSee(vendor.path)) {
                throw ApiException.invalidField("vendorId", "must be the id of a vendor organization");
            }
            return new Owner(vendor.id, vendor.path);
        });
    }

    /** A vendor organization: its id and its path in the organization tree. */
    public record Owner(String id, String path) {
    }
}
