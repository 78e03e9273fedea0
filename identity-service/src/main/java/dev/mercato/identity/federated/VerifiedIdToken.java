package dev.mercato.identity.federated;

/**
 * What a verified ID token tells us: which configured issuer vouched, for whom ({@code subject}, stable
 * at that issuer), and the email address it asserts.
 *
 * @param email         null when the token carries none
 * @param emailVerified whether the issuer said, with {@code email_verified}, that it verified the email
 */
record VerifiedIdToken(String issuerName, String issuerUrl, String subject, String email, boolean emailVerified) {
}
