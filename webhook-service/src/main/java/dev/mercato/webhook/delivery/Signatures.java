package dev.mercato.webhook.delivery;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Endpoint secrets and the two signatures every delivery carries: the lower-case hex HMAC-SHA256 of the raw body
 * keyed with the whole secret string ({@value #HEX_HEADER}), and the Standard Webhooks signature
 * {@code v1,<base64>} of HMAC-SHA256 over {@code id.timestamp.body} keyed with the base64-decoded secret.
 */
public final class Signatures {

    public static final String SECRET_PREFIX = "whsec_";
    public static final String HEX_HEADER = "X-Mercato-Signature";
    /** During a rotation's overlap: the hex signature made with the previous secret. */
    public static final String HEX_HEADER_PREVIOUS = "X-Mercato-Signature-Previous";

    private static final SecureRandom RANDOM = new SecureRandom();

    private Signatures() {
    }

    /** A new secret: {@code whsec_} and 32 random bytes in base64. */
    public static String newSecret() {
        byte[] key = new byte[32];
        RANDOM.nextBytes(key);
        return SECRET_PREFIX + Base64.getEncoder().encodeToString(key);
    }

    /** Hex HMAC-SHA256 of {@code body} keyed with the secret as written (UTF-8). */
    public static String hex(String secret, byte[] body) {
        return HexFormat.of().formatHex(hmac(secret.getBytes(StandardCharsets.UTF_8), body));
    }

    /** One Standard Webhooks signature entry: {@code v1,<base64>}. */
    public static String standard(String secret, String messageId, long timestamp, byte[] body) {
        byte[] key = Base64.getDecoder().decode(secret.substring(SECRET_PREFIX.length()));
        byte[] prefix = (messageId + "." + timestamp + ".").getBytes(StandardCharsets.UTF_8);
        byte[] signed = new byte[prefix.length + body.length];
        System.arraycopy(prefix, 0, signed, 0, prefix.length);
        System.arraycopy(body, 0, signed, prefix.length, body.length);
        return "v1," + Base64.getEncoder().encodeToString(hmac(key, signed));
    }

    private static byte[] hmac(byte[] key, byte[] data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is unavailable", e);
        }
    }
}
