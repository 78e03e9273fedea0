package dev.mercato.identity.settings;

import java.time.Instant;
import java.util.List;

/** An organization's settings as the API shows them; {@code updatedAt} is null while they are the defaults. */
public record SettingsResponse(String organizationId, Branding branding, Licensing licensing, Identity identity,
        Instant updatedAt) {

    /** How the organization's portal looks. */
    public record Branding(String displayName, String logoUrl, String primaryColor) {
    }

    /** What the organization has bought. */
    public record Licensing(Integer seats, String licenseType) {
    }

    /** How the organization's users log in. */
    public record Identity(List<String> allowedIssuers, int passwordMinLength) {
    }

    static SettingsResponse of(OrganizationSettings settings) {
        return new SettingsResponse(settings.organizationId,
                new Branding(settings.displayName, settings.logoUrl, settings.primaryColor),
                new Licensing(settings.seats, settings.licenseType == null ? null : settings.licenseType.name()),
                new Identity(settings.allowedIssuerList(), settings.passwordMinLength),
                settings.updatedAt);
    }
}
