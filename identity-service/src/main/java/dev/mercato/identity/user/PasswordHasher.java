package dev.mercato.identity.user;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;

import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

import jakarta.enterprise.context.ApplicationScoped;

import org.hibernate.reactive.mutiny.Mutiny;

import io.quarkus.hibernate.reactive.panache.common.runtime.SessionOperations;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;

/**
 * Slow, salted password hashes: PBKDF2-HMAC-SHA256 from the JDK (no extra dependency, FIPS-approved,
 * works in a native image) with at least 600,000 iterations, a 16-byte random salt and a 32-byte
 * result, encoded as {@code pbkdf2-sha256$<iterations>$<salt>$<hash>} (base64). The work runs on a
 * worker thread, never on the event loop, and never while the request holds a database session: a
 * session holds a pooled connection, and a hash takes hundreds of milliseconds, so callers hash before
 * or after their transaction (this class refuses otherwise). Comparison is constant-time.
 */
@ApplicationScoped
public class PasswordHasher {

    private static final String SCHEME = "pbkdf2-sha256";
    private static final String DEFAULT_PERSISTENCE_UNIT = "<default>";
    private static final String ALGORITHM = "PBKDF2WithHmacSHA256";
    private static final int SALT_BYTES = 16;
    private static final int HASH_BYTES = 32;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Vertx vertx;
    private final int iterations;
    /** Checked when there is no user or no password, so that answer costs the same time as a wrong password. */
    private final String decoy;

    public PasswordHasher(Vertx vertx, PasswordConfig config) {
        if (config.iterations() < PasswordConfig.MINIMUM_ITERATIONS) {
            throw new IllegalStateException("mercato.identity.password.iterations must be at least "
                    + PasswordConfig.MINIMUM_ITERATIONS);
        }
        this.vertx = vertx;
        this.iterations = config.iterations();
        this.decoy = encode(iterations, randomBytes(SALT_BYTES), randomBytes(HASH_BYTES));
    }

    /** A new hash of {@code password}; must not be called inside a database session. */
    public Uni<String> hash(String password) {
        return Uni.createFrom().deferred(() -> {
            requireNoDatabaseSession();
            return vertx.executeBlocking(() -> {
                byte[] salt = randomBytes(SALT_BYTES);
                return encode(iterations, salt, derive(password, salt, iterations));
            }, false);
        });
    }

    /**
     * Whether {@code password} matches {@code stored}. A null {@code stored} (no such user, or no
     * password) is checked against a decoy and is always false, in the same time.
     */
    public Uni<Boolean> verify(String password, String stored) {
        boolean real = stored != null;
        String against = real ? stored : decoy;
        return Uni.createFrom().deferred(() -> {
            requireNoDatabaseSession();
            return vertx.executeBlocking(() -> real & matches(password, against), false);
        });
    }

    /**
     * Fails when the current request holds an open Hibernate Reactive session, so that a hash inside a
     * transaction is a bug found by the first test rather than a pool exhausted under load.
     */
    private static void requireNoDatabaseSession() {
        if (io.vertx.core.Vertx.currentContext() == null) {
            return; // not on a Vert.x context (a plain test thread): no session can be open
        }
        Mutiny.Session session;
        try {
            session = SessionOperations.getCurrentSession(DEFAULT_PERSISTENCE_UNIT);
        } catch (IllegalStateException e) {
            return; // not a request's context: no session either
        }
        if (session != null) {
            throw new IllegalStateException("password hashing must not run inside a database session: it would hold "
                    + "a pooled connection for the whole hash; hash before or after the transaction");
        }
    }

    private static boolean matches(String password, String stored) {
        String[] parts = stored.split("\\$");
        if (parts.length != 4 || !SCHEME.equals(parts[0])) {
            throw new IllegalStateException("stored password hash has an unknown format");
        }
        int iterations = Integer.parseInt(parts[1]);
        byte[] salt = Base64.getDecoder().decode(parts[2]);
        byte[] expected = Base64.getDecoder().decode(parts[3]);
        return MessageDigest.isEqual(expected, derive(password, salt, iterations));
    }

    private static byte[] derive(String password, byte[] salt, int iterations) {
        PBEKeySpec spec = new PBEKeySpec(password.toCharArray(), salt, iterations, HASH_BYTES * 8);
        try {
            return SecretKeyFactory.getInstance(ALGORITHM).generateSecret(spec).getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(ALGORITHM + " is not available", e);
        } finally {
            spec.clearPassword();
        }
    }

    private static String encode(int iterations, byte[] salt, byte[] hash) {
        Base64.Encoder base64 = Base64.getEncoder().withoutPadding();
        return SCHEME + "$" + iterations + "$" + base64.encodeToString(salt) + "$" + base64.encodeToString(hash);
    }

    private static byte[] randomBytes(int length) {
        byte[] bytes = new byte[length];
        RANDOM.nextBytes(bytes);
        return bytes;
    }
}
