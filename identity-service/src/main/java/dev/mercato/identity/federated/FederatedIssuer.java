package dev.mercato.identity.federated;

/**
 * One configured external OpenID issuer.
 *
 * @param name      its configuration name ({@code google}, {@code entra}, …)
 * @param issuerUrl exactly the {@code iss} of its ID tokens
 * @param audience  the {@code aud} its ID tokens must carry
 * @param jwksUrl   its key set's URL, or null to take it from the discovery document
 */
record FederatedIssuer(String name, String issuerUrl, String audience, String jwksUrl) {
}
