package dev.mercato.identity.token;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;

import jakarta.inject.Singleton;

import dev.mercato.identity.key.SigningKey;
import dev.mercato.identity.key.SigningKeys;

/**
 * Signs JWTs with the active key, ES256 (JOSE signature r ‖ s). Each thread keeps its own initialised
 * signer for the active key, so signing takes no lock on the token endpoint's hot path; a rotation is
 * noticed by the key id and the thread's signer rebuilt.
 */
@Singleton
public class JwtSigner {

    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

    private final SigningKeys keys;
    private final Es256Signatures signatures;
    private final ThreadLocal<ThreadSigner> signers = new ThreadLocal<>();

    public JwtSigner(SigningKeys keys, Es256Signatures signatures) {
        this.keys = keys;
        this.signatures = signatures;
    }

    /** The compact JWS of {@code claimsJson} (a JSON object), with {@code kid} in its header. */
    public String sign(String claimsJson) {
        SigningKey key = keys.active();
        ThreadSigner signer = signers.get();
        if (signer == null || !signer.kid.equals(key.kid())) {
            signer = new ThreadSigner(key.kid(), signatures.newSigner(key.privateKey()));
            signers.set(signer);
        }
        String signingInput = signer.encodedHeader + '.'
                + BASE64URL.encodeToString(claimsJson.getBytes(StandardCharsets.UTF_8));
        try {
            return signingInput + '.' + BASE64URL.encodeToString(
                    signer.signer.sign(signingInput.getBytes(StandardCharsets.US_ASCII)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("ES256 signing failed", e);
        }
    }

    /** One thread's signer for one key. */
    private static final class ThreadSigner {

        private final String kid;
        private final String encodedHeader;
        private final Es256Signatures.Signer signer;

        ThreadSigner(String kid, Es256Signatures.Signer signer) {
            this.kid = kid;
            this.signer = signer;
            this.encodedHeader = BASE64URL.encodeToString(("{\"alg\":\"ES256\",\"typ\":\"JWT\",\"kid\":\"" + kid + "\"}")
                    .getBytes(StandardCharsets.UTF_8));
        }
    }
}
