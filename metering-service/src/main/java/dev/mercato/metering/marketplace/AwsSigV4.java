package dev.mercato.metering.marketplace;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * AWS Signature Version 4 for a request without query parameters: the {@code x-amz-date} and
 * {@code authorization} headers that sign {@code method}, the URI's host and path, the given headers and the body.
 */
final class AwsSigV4 {

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);
    private static final HexFormat HEX = HexFormat.of();

    /** The key pair (and session token, or null) to sign with, and where. */
    record Credentials(String accessKeyId, String secretAccessKey, String sessionToken, String region, String service) {
    }

    private AwsSigV4() {
    }

    /**
     * The headers to add: {@code x-amz-date}, {@code x-amz-security-token} with a session token, and
     * {@code authorization}. {@code headers} are those sent besides the host (names in any case).
     */
    static Map<String, String> sign(String method, URI uri, Map<String, String> headers, byte[] body,
            Credentials credentials, Instant now) {
        String stamp = STAMP.format(now), day = stamp.substring(0, 8);
        Map<String, String> added = new LinkedHashMap<>();
        added.put("x-amz-date", stamp);
        if (credentials.sessionToken() != null) {
            added.put("x-amz-security-token", credentials.sessionToken());
        }
        TreeMap<String, String> signed = new TreeMap<>();
        headers.forEach((name, value) -> signed.put(name.toLowerCase(), value.trim()));
        added.forEach(signed::put);
        signed.put("host", uri.getPort() < 0 ? uri.getHost() : uri.getHost() + ":" + uri.getPort());
        String signedNames = String.join(";", signed.keySet());
        String canonical = method + "\n" + (uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath())
                + "\n\n" + signed.entrySet().stream().map(e -> e.getKey() + ":" + e.getValue() + "\n").collect(Collectors.joining())
                + "\n" + signedNames + "\n" + HEX.formatHex(sha256(body));
        String scope = day + "/" + credentials.region() + "/" + credentials.service() + "/aws4_request";
        String toSign = "AWS4-HMAC-SHA256\n" + stamp + "\n" + scope + "\n"
                + HEX.formatHex(sha256(canonical.getBytes(StandardCharsets.UTF_8)));
        byte[] key = hmac(("AWS4" + credentials.secretAccessKey()).getBytes(StandardCharsets.UTF_8), day);
        key = hmac(key, credentials.region());
        key = hmac(key, credentials.service());
        key = hmac(key, "aws4_request");
        String signature = HEX.formatHex(hmac(key, toSign));
        added.put("authorization", "AWS4-HMAC-SHA256 Credential=" + credentials.accessKeyId() + "/" + scope
                + ", SignedHeaders=" + signedNames + ", Signature=" + signature);
        return added;
    }

    private static byte[] sha256(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    private static byte[] hmac(byte[] key, String data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is missing from this JVM", e);
        }
    }
}
