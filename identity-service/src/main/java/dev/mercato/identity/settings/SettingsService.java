package dev.mercato.identity.settings;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import dev.mercato.identity.audit.AuditLog;
import dev.mercato.identity.organization.Organization;
import dev.mercato.identity.access.ManageableOrganizations;
import dev.mercato.identity.user.PasswordConfig;
import dev.mercato.platform.api.ApiException;
import dev.mercato.platform.api.WriteConflicts;
import dev.mercato.platform.security.Caller;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

/**
 * Reads and changes an organization's settings. A caller reaches the settings of its own organization
 * and of those below it (the platform: all), and nothing else — another organization's settings are a
 * 404. Licensing is what an organization bought, so only an organization above it may change it.
 */
@ApplicationScoped
public class SettingsService {

    private final SettingsRepository settings;
    private final ManageableOrganizations organizations;
    private final ConfiguredIssuers issuers;
    private final AuditLog audit;
    private final Caller caller;

    public SettingsService(SettingsRepository settings, ManageableOrganizations organizations,
            ConfiguredIssuers issuers, AuditLog audit, Caller caller) {
        this.settings = settings;
        this.organizations = organizations;
        this.issuers = issuers;
        this.audit = audit;
        this.caller = caller;
    }

    @WithSession
    public Uni<OrganizationSettings> get(String organizationId) {
        return visibleOrganization(organizationId)
                .chain(organization -> settings.findOrDefaults(organization.id, organization.path));
    }

    @WithTransaction
    public Uni<OrganizationSettings> update(String organizationId, UpdateSettingsRequest request) {
        caller.requireWriter();
        return visibleOrganization(organizationId).chain(organization -> settings.findById(organization.id)
                .chain(stored -> {
                    boolean isNew = stored == null;
                    OrganizationSettings target = isNew
                            ? OrganizationSettings.defaultsFor(organization.id, organization.path,
                                    PasswordConfig.MINIMUM_LENGTH)
                            : stored;
                    List<String> changed = apply(request, target, organization);
                    if (changed.isEmpty()) {
                        return Uni.createFrom().item(target);
                    }
                    Instant now = Instant.now();
                    target.updatedAt = now;
                    if (isNew) {
                        target.createdAt = now;
                    }
                    Uni<OrganizationSettings> saved = isNew ? settings.persist(target) : Uni.createFrom().item(target);
                    return saved.call(settings::flush)
                            .onFailure(WriteConflicts::isConflict)
                            .transform(failure -> WriteConflicts.concurrentChange("settings"))
                            .call(() -> audit.record("settings.updated", "organization", organization.id,
                                    organization.path, Map.of("sections", changed)));
                }));
    }

    /** The organization ({@code null}: the caller's own) if the caller may see it; 404 otherwise. */
    private Uni<Organization> visibleOrganization(String organizationId) {
        return organizations.find(organizationId).onItem().ifNull().failWith(() -> ApiException.notFound(
                "settings of organization", organizationId != null ? organizationId : caller.organizationId()));
    }

    /** Copies the sections the request carries into {@code target}; returns the names of those that changed. */
    private List<String> apply(UpdateSettingsRequest request, OrganizationSettings target, Organization organization) {
        List<String> changed = new ArrayList<>();
        if (request.branding() != null && applyBranding(request.branding(), target)) {
            changed.add("branding");
        }
        if (request.licensing() != null && applyLicensing(request.licensing(), target, organization)) {
            changed.add("licensing");
        }
        if (request.identity() != null && applyIdentity(request.identity(), target)) {
            changed.add("identity");
        }
        return changed;
    }

    private static boolean applyBranding(UpdateSettingsRequest.Branding branding, OrganizationSettings target) {
        String logoUrl = branding.logoUrl() == null ? null : requireHttpsUrl(branding.logoUrl());
        String color = branding.primaryColor() == null ? null : branding.primaryColor().toLowerCase(Locale.ROOT);
        String displayName = branding.displayName() == null ? null : branding.displayName().strip();
        boolean changed = !Objects.equals(displayName, target.displayName) || !Objects.equals(logoUrl, target.logoUrl)
                || !Objects.equals(color, target.primaryColor);
        target.displayName = displayName;
        target.logoUrl = logoUrl;
        target.primaryColor = color;
        return changed;
    }

    private boolean applyLicensing(UpdateSettingsRequest.Licensing licensing, OrganizationSettings target,
            Organization organization) {
        boolean changed = !Objects.equals(licensing.seats(), target.seats)
                || licensing.licenseType() != target.licenseType;
        if (changed && !isAbove(organization)) {
            throw ApiException.forbidden("Only an organization above this one may change its licensing");
        }
        target.seats = licensing.seats();
        target.licenseType = licensing.licenseType();
        return changed;
    }

    private boolean applyIdentity(UpdateSettingsRequest.Identity identity, OrganizationSettings target) {
        Set<String> allowed = new LinkedHashSet<>();
        List<String> requested = identity.allowedIssuers() == null ? List.of() : identity.allowedIssuers();
        Set<String> configured = issuers.names();
        for (int i = 0; i < requested.size(); i++) {
            String name = requested.get(i).strip();
            if (!configured.contains(name)) {
                throw ApiException.invalidField("identity.allowedIssuers[" + i + "]",
                        "must be a configured issuer: " + (configured.isEmpty() ? "none is configured" : String.join(", ", configured)));
            }
            allowed.add(name);
        }
        String joined = String.join(",", allowed);
        int minLength = identity.passwordMinLength() == null
                ? PasswordConfig.MINIMUM_LENGTH : identity.passwordMinLength();
        boolean changed = !joined.equals(target.allowedIssuers) || minLength != target.passwordMinLength;
        target.allowedIssuers = joined;
        target.passwordMinLength = minLength;
        return changed;
    }

    /** Whether the caller's organization is a proper ancestor of {@code organization} (the platform's own counts). */
    private boolean isAbove(Organization organization) {
        return organization.parentId == null || !organization.id.equals(caller.organizationId());
    }

    private static String requireHttpsUrl(String value) {
        try {
            URI uri = new URI(value);
            if ("https".equals(uri.getScheme()) && uri.getHost() != null && uri.getUserInfo() == null) {
                return uri.toString();
            }
        } catch (URISyntaxException e) {
            // answered below
        }
        throw ApiException.invalidField("branding.logoUrl", "must be an https URL");
    }
}
