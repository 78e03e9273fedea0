package dev.mercato.platform.security.token;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.PublicKey;
import java.security.Provider;
import java.security.Signature;
import java.security.SignatureException;
import java.util.Arrays;

import org.jose4j.jca.ProviderContext;
import org.jose4j.jws.EcdsaUsingShaAlgorithm;
import org.jose4j.keys.EllipticCurves;
import org.jose4j.lang.InvalidKeyException;
import org.jose4j.lang.JoseException;

/**
 * jose4j's ES256 (ECDSA P-256 with SHA-256, RFC 7518 §3.4) verified by one given JCA provider instead
 * of the JDK's first choice. The checks before the signature is handed over are jose4j's own: the
 * JOSE form r ‖ s, and neither r nor s zero modulo the curve order.
 */
final class ProviderEs256 extends EcdsaUsingShaAlgorithm.EcdsaP256UsingSha256 {

    private static final int COORDINATE = 32;
    private static final BigInteger ORDER = EllipticCurves.P256.getOrder();

    private final Provider provider;

    ProviderEs256(Provider provider) {
        this.provider = provider;
    }

    String providerName() {
        return provider.getName();
    }

    @Override
    public boolean verifySignature(byte[] signature, Key key, byte[] securedInput, ProviderContext context)
            throws JoseException {
        if (signature.length != 2 * COORDINATE) {
            return false;
        }
        BigInteger r = new BigInteger(1, Arrays.copyOfRange(signature, 0, COORDINATE));
        BigInteger s = new BigInteger(1, Arrays.copyOfRange(signature, COORDINATE, 2 * COORDINATE));
        if (r.mod(ORDER).signum() == 0 || s.mod(ORDER).signum() == 0) {
            return false;
        }
        if (!(key instanceof PublicKey publicKey)) {
            throw new InvalidKeyException("ES256 needs a public key to verify");
        }
        try {
            // A Signature is not thread-safe and cheap to make; one per verification.
            Signature verifier = Signature.getInstance("SHA256withECDSA", provider);
            verifier.initVerify(publicKey);
            verifier.update(securedInput);
            return verifier.verify(convertConcatenatedToDer(signature));
        } catch (java.security.InvalidKeyException e) {
            throw new InvalidKeyException("not an ES256 verification key", e);
        } catch (SignatureException e) {
            return false;
        } catch (GeneralSecurityException | java.io.IOException e) {
            throw new JoseException("ES256 verification failed", e);
        }
    }
}
