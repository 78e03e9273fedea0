package dev.mercato.identity.token;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.interfaces.ECPrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;

import jakarta.inject.Singleton;

import org.jboss.logging.Logger;

import dev.mercato.identity.key.EcKeys;

/**
 * Makes ES256 signers. The JDK's own ECDSA is pure Java and signs only a few thousand tokens per second
 * per core; BoringSSL through Conscrypt signs several times more, which is what lets the token endpoint
 * reach its target on two cores. Conscrypt is loaded reflectively and checked against the JDK's verifier
 * at start-up; where it is absent or cannot load (a native image, another platform) or
 * {@code mercato.identity.tokens.signing-provider=jdk}, the JDK provider signs.
 */
@Singleton
public class Es256Signatures {

    private static final Logger LOG = Logger.getLogger(Es256Signatures.class);
    static final String JDK_ALGORITHM = "SHA256withECDSAinP1363Format";
    private static final int COORDINATE = 32;

    private final Provider provider;

    public Es256Signatures(TokenConfig config) {
        this.provider = "auto".equalsIgnoreCase(config.signingProvider()) ? loadConscrypt() : null;
        LOG.infof("ES256 tokens are signed with %s", provider == null ? "the JDK's SunEC provider" : provider.getName());
    }

    /** One signer for one thread (signers are not thread-safe). */
    public Signer newSigner(ECPrivateKey key) {
        try {
            if (provider != null) {
                PrivateKey imported = KeyFactory.getInstance("EC", provider)
                        .generatePrivate(new PKCS8EncodedKeySpec(key.getEncoded()));
                Signature signature = Signature.getInstance("SHA256withECDSA", provider);
                signature.initSign(imported);
                return input -> {
                    signature.update(input);
                    return derToJose(signature.sign());
                };
            }
            Signature signature = Signature.getInstance(JDK_ALGORITHM);
            signature.initSign(key, threadRandom());
            return input -> {
                signature.update(input);
                return signature.sign();
            };
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("ES256 signing is not available", e);
        }
    }

    /** Signs a JWS signing input; the result is the JOSE form, r ‖ s, 64 bytes. */
    @FunctionalInterface
    public interface Signer {
        byte[] sign(byte[] input) throws GeneralSecurityException;
    }

    /** ASN.1 {@code SEQUENCE {INTEGER r, INTEGER s}} → r ‖ s, each left-padded to 32 bytes (RFC 7518 §3.4). */
    static byte[] derToJose(byte[] der) throws GeneralSecurityException {
        if (der.length < 8 || der[0] != 0x30) {
            throw new GeneralSecurityException("not a DER ECDSA signature");
        }
        int offset = (der[1] & 0x80) != 0 ? 2 + (der[1] & 0x7f) : 2;
        byte[] jose = new byte[2 * COORDINATE];
        for (int part = 0; part < 2; part++) {
            if (der[offset] != 0x02) {
                throw new GeneralSecurityException("not a DER ECDSA signature");
            }
            int length = der[offset + 1];
            int start = offset + 2;
            int skip = 0;
            while (length - skip > COORDINATE && der[start + skip] == 0) {
                skip++;
            }
            int significant = length - skip;
            if (significant > COORDINATE) {
                throw new GeneralSecurityException("ECDSA signature component too long");
            }
            System.arraycopy(der, start + skip, jose, part * COORDINATE + COORDINATE - significant, significant);
            offset = start + length;
        }
        return jose;
    }

    private static Provider loadConscrypt() {
        try {
            Class<?> conscrypt = Class.forName("org.conscrypt.Conscrypt");
            if (!Boolean.TRUE.equals(conscrypt.getMethod("isAvailable").invoke(null))) {
                return null;
            }
            Provider provider = (Provider) conscrypt.getMethod("newProvider").invoke(null);
            return selfTest(provider) ? provider : null;
        } catch (ReflectiveOperationException | LinkageError | RuntimeException e) {
            LOG.debugf("Conscrypt is not usable here: %s", e);
            return null;
        }
    }

    // A signature the JDK cannot verify must never go out: check one before trusting the provider.
    private static boolean selfTest(Provider provider) {
        try {
            KeyPair pair = EcKeys.generate();
            byte[] input = "mercato self-test".getBytes(StandardCharsets.US_ASCII);
            PrivateKey imported = KeyFactory.getInstance("EC", provider)
                    .generatePrivate(new PKCS8EncodedKeySpec(pair.getPrivate().getEncoded()));
            Signature signer = Signature.getInstance("SHA256withECDSA", provider);
            signer.initSign(imported);
            signer.update(input);
            byte[] jose = derToJose(signer.sign());
            Signature verifier = Signature.getInstance(JDK_ALGORITHM);
            verifier.initVerify(pair.getPublic());
            verifier.update(input);
            return verifier.verify(jose);
        } catch (GeneralSecurityException | RuntimeException e) {
            LOG.warnf("Conscrypt failed its ES256 self-test, using the JDK provider: %s", e.getMessage());
            return false;
        }
    }

    // A DRBG per thread: the shared default SecureRandom would serialize every signature on one lock.
    private static SecureRandom threadRandom() {
        try {
            return SecureRandom.getInstance("DRBG");
        } catch (NoSuchAlgorithmException e) {
            return new SecureRandom();
        }
    }
}
