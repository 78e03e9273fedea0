package dev.mercato.identity.key;

import java.time.Instant;
import java.util.List;

/**
 * The keys in force after a rotation.
 *
 * @param activeKid the key new tokens are signed with
 * @param published every key at {@code /.well-known/jwks.json}, with when a retired one stops being published
 */
public record SigningKeyResponse(String activeKid, List<PublishedKey> published) {

    /** A published key; {@code expiresAt} is null for the active key. */
    public record PublishedKey(String kid, boolean active, Instant expiresAt) {
    }
}
