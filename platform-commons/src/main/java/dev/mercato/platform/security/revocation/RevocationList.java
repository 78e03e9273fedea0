package dev.mercato.platform.security.revocation;

import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.inject.Singleton;

import dev.mercato.platform.events.CredentialRevokedV1;
import dev.mercato.platform.events.CredentialRevokedV1.Kind;

/**
 * This instance's in-memory deny list (docs/SECURITY.md "Revocation"): every revocation read from
 * {@code identity.revocations} or loaded from {@code revoked_credential}, consulted on every
 * authenticated request. Entries leave when they expire, so its size is bounded by the revocations
 * of the longest token lifetime.
 */
@Singleton
public class RevocationList {

    private final Map<Key, Window> entries = new ConcurrentHashMap<>();

    /** Adds or widens the entry of {@code revocation}; applying one twice changes nothing. */
    public void add(CredentialRevokedV1 revocation) {
        entries.merge(new Key(revocation.kind(), revocation.value()),
                new Window(revocation.revokedAt(), revocation.expiresAt()), Window::widest);
    }

    /**
     * Whether a token must be refused: its id was revoked, or its client or subject was revoked at or
     * after the moment it was issued. Ignores organization revocations; prefer the overload with the path.
     * {@code issuedAt} is as precise as the token says (milliseconds with {@code iat_ms}, see
     * {@link dev.mercato.platform.security.CallerClaims#issuedAt}): a token issued later in the same second
     * as a revocation passes, one issued earlier (or at the same millisecond) is refused.
     */
    public boolean rejects(String tokenId, String clientId, String subject, Instant issuedAt) {
        return rejects(tokenId, clientId, subject, null, issuedAt);
    }

    /**
     * Whether a token must be refused: its id was revoked, or its client, its subject, or an organization
     * on its {@code org_path} (its own or an ancestor) was revoked at or after the moment it was issued.
     *
     * @param organizationPath the token's {@code org_path} ({@code org_a/org_b}), or null
     */
    public boolean rejects(String tokenId, String clientId, String subject, String organizationPath, Instant issuedAt) {
        return entries.containsKey(new Key(Kind.TOKEN, tokenId))
                || revokedSince(Kind.CLIENT, clientId, issuedAt)
                || revokedSince(Kind.SUBJECT, subject, issuedAt)
                || organizationRevokedSince(organizationPath, issuedAt);
    }

    private boolean organizationRevokedSince(String organizationPath, Instant issuedAt) {
        if (organizationPath == null) {
            return false;
        }
        // A path is the ids from the platform down: one look-up per level, no scan of the list.
        for (String organizationId : organizationPath.split("/")) {
            if (revokedSince(Kind.ORGANIZATION, organizationId, issuedAt)) {
                return true;
            }
        }
        return false;
    }

    /** Forgets entries that expired before {@code now}; returns how many. */
    public int removeExpired(Instant now) {
        int before = entries.size();
        entries.values().removeIf(window -> window.expiresAt().isBefore(now));
        return before - entries.size();
    }

    public int size() {
        return entries.size();
    }

    private boolean revokedSince(Kind kind, String value, Instant issuedAt) {
        if (value == null) {
            return false;
        }
        Window window = entries.get(new Key(kind, value));
        return window != null && !window.revokedAt().isBefore(issuedAt);
    }

    private record Key(Kind kind, String value) {
    }

    /** When the credential was (last) revoked and until when that matters. */
    private record Window(Instant revokedAt, Instant expiresAt) {

        /** A later revocation of the same client or subject covers the tokens issued in between. */
        Window widest(Window other) {
            return new Window(max(revokedAt, other.revokedAt), max(expiresAt, other.expiresAt));
        }

        private static Instant max(Instant a, Instant b) {
            return a.isAfter(b) ? a : b;
        }
    }
}
