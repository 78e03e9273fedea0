package dev.mercato.platform.crypto;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Optional;

import org.jboss.logging.Logger;

/**
 * A server key from configuration: base64 of 32 random bytes. Required in the {@code prod} profile; elsewhere a
 * fixed development value is used, with a loud warning, so that tests and demos need no set-up.
 */
public final class ServerKeys {

    private static final Logger LOG = Logger.getLogger(ServerKeys.class);

    private ServerKeys() {
    }

    /**
     * @param property   the configuration property, for messages
     * @param variable   its environment variable, for messages
     * @param configured its value, if set
     * @param prod       whether the prod profile is active
     */
    public static byte[] resolve(String property, String variable, Optional<String> configured, boolean prod) {
        Optional<String> value = configured.map(String::strip).filter(text -> !text.isEmpty());
        if (value.isPresent()) {
            return decode(property, variable, value.get());
        }
        if (prod) {
            throw new IllegalStateException(property + " is required in the prod profile: set " + variable
                    + " to base64 of 32 random bytes (e.g. `openssl rand -base64 32`)");
        }
        LOG.warnf("!!! %s is not set: using a fixed DEVELOPMENT value that anybody can read in the source. "
                + "Never run like this with real data; set %s (base64 of 32 random bytes). !!!", property, variable);
        return sha256("mercato-development-only:" + property);
    }

    private static byte[] decode(String property, String variable, String base64) {
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(property + " (" + variable + ") is not valid base64");
        }
        if (bytes.length != 32) {
            throw new IllegalStateException(property + " (" + variable + ") must decode to 32 bytes, not " + bytes.length);
        }
        return bytes;
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
