package dev.mercato.identity.federated;

/**
 * What a verified ID token tells us: which configured issuer vouched, for whom, and the email
 * address it asserts (verified by the issuer when it says so).
 */
record VerifiedIdToken(String issuerName, String subject, String email) {
}
