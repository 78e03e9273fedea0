package dev.mercato.identity.key;

import java.time.Instant;
import java.util.List;

/**
 * The keys in force after a rotation.
 *
 * @param kid         the new key: published now, signing from {@code activatesAt}
 * @param activatesAt when the new key starts signing (until then the previous key signs)
 * @param signingKid  the key new tokens are signed with right now
 * @param published   every key at {@code /.well-known/jwks.json}
 */
public record SigningKeyResponse(String kid, Instant activatesAt, String signingKid, List<PublishedKey> published) {

    /**
     * A published key: from when it signs, and when a retired one stops being published (null for the
     * newest key).
     */
    public record PublishedKey(String kid, Instant activatesAt, Instant expiresAt) {
    }
}
