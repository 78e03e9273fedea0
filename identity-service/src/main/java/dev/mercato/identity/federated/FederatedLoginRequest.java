package dev.mercato.identity.federated;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The body of {@code POST /api/v1/auth/federated}: an ID token from an external OpenID issuer and,
 * optionally, which configured issuer it is from (name or issuer URL; by default its {@code iss}).
 */
public record FederatedLoginRequest(
        @JsonProperty("id_token") @NotBlank @Size(max = 16_384) String idToken,
        @Size(max = 2000) String issuer) {

    /** Never print the token. */
    @Override
    public String toString() {
        return "FederatedLoginRequest[issuer=" + issuer + "]";
    }
}
