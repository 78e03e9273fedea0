package dev.mercato.platform.security.token;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Provider;
import java.security.Signature;
import java.security.spec.ECGenParameterSpec;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;
import org.jose4j.jwa.AlgorithmFactoryFactory;
import org.jose4j.jws.EcdsaUsingShaAlgorithm;
import org.jose4j.lang.JoseException;

import io.quarkus.runtime.StartupEvent;

/**
 * Chooses who checks ES256 signatures for quarkus-oidc (through jose4j, whose algorithm registry is
 * the one place it looks). The JDK's ECDSA is pure Java and slow, slower still before the JIT's
 * second tier; BoringSSL through Conscrypt verifies several times faster. Conscrypt is loaded
 * reflectively and must first accept a signature made by the JDK and refuse a tampered one; where
 * it is absent or cannot load (a native image, another platform) or
 * {@code mercato.security.signature-provider=jdk}, jose4j's own JDK-based ES256 stays.
 */
@ApplicationScoped
public class Es256Verification {

    private static final Logger LOG = Logger.getLogger(Es256Verification.class);

    private final TokenVerificationConfig config;

    public Es256Verification(TokenVerificationConfig config) {
        this.config = config;
    }

    // Before the HTTP server opens: no token is verified before the choice is made.
    void choose(@Observes StartupEvent event) {
        ProviderEs256 fast = "auto".equalsIgnoreCase(config.signatureProvider()) ? conscrypt() : null;
        var algorithms = AlgorithmFactoryFactory.getInstance().getJwsAlgorithmFactory();
        if (fast != null) {
            algorithms.registerAlgorithm(fast);
            LOG.infof("ES256 access tokens are verified with %s", fast.providerName());
        } else {
            algorithms.registerAlgorithm(new EcdsaUsingShaAlgorithm.EcdsaP256UsingSha256());
            LOG.info("ES256 access tokens are verified with the JDK's provider");
        }
    }

    private static ProviderEs256 conscrypt() {
        try {
            Class<?> conscrypt = Class.forName("org.conscrypt.Conscrypt");
            if (!Boolean.TRUE.equals(conscrypt.getMethod("isAvailable").invoke(null))) {
                return null;
            }
            ProviderEs256 algorithm = new ProviderEs256((Provider) conscrypt.getMethod("newProvider").invoke(null));
            return selfTest(algorithm) ? algorithm : null;
        } catch (ReflectiveOperationException | LinkageError | RuntimeException e) {
            LOG.debugf("Conscrypt is not usable here: %s", e);
            return null;
        }
    }

    // A verifier that accepts what it should not, or refuses what it should accept, must never be used.
    static boolean selfTest(ProviderEs256 algorithm) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            KeyPair pair = generator.generateKeyPair();
            byte[] input = "mercato.self-test".getBytes(StandardCharsets.US_ASCII);
            Signature signer = Signature.getInstance("SHA256withECDSAinP1363Format");
            signer.initSign(pair.getPrivate());
            signer.update(input);
            byte[] signature = signer.sign();
            byte[] tampered = signature.clone();
            tampered[7] ^= 1;
            boolean accepts = algorithm.verifySignature(signature, pair.getPublic(), input, null);
            boolean refusesTampered = !algorithm.verifySignature(tampered, pair.getPublic(), input, null);
            boolean refusesOtherInput = !algorithm.verifySignature(signature, pair.getPublic(),
                    "mercato.self-tesT".getBytes(StandardCharsets.US_ASCII), null);
            if (accepts && refusesTampered && refusesOtherInput) {
                return true;
            }
            LOG.warnf("%s failed its ES256 self-test, verifying with the JDK's provider", algorithm.providerName());
        } catch (GeneralSecurityException | JoseException | RuntimeException e) {
            LOG.warnf("%s failed its ES256 self-test, verifying with the JDK's provider: %s",
                    algorithm.providerName(), e.getMessage());
        }
        return false;
    }
}
