package dev.mercato.identity.settings;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import dev.mercato.identity.user.PasswordConfig;

/**
 * The body of {@code PUT /api/v1/settings}: each section present replaces that section (a null field
 * in it clears the field); a section left out stays as it is.
 */
public record UpdateSettingsRequest(@Valid Branding branding, @Valid Licensing licensing, @Valid Identity identity) {

    /** How the organization's portal looks. {@code logoUrl} must be an https URL. */
    public record Branding(
            @Size(min = 1, max = 200) String displayName,
            @Size(max = 2000) @Pattern(regexp = "https://\\S+", message = "must be an https URL") String logoUrl,
            @Pattern(regexp = "#[0-9a-fA-F]{6}", message = "must be a colour such as #1a73e8") String primaryColor) {
    }

    /** What the organization has bought; only an organization above it may change this. */
    public record Licensing(@Min(1) @Max(10_000_000) Integer seats, LicenseType licenseType) {
    }

    /**
     * How the organization's users log in: which configured federation issuers they may use (empty: none)
     * and how long their passwords must be.
     */
    public record Identity(
            @Size(max = 20) List<@NotBlank @Size(max = 50) String> allowedIssuers,
            @Min(PasswordConfig.MINIMUM_LENGTH) @Max(128) Integer passwordMinLength) {
    }
}
