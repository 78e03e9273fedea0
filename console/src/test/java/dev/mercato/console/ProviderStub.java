package dev.mercato.console;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * An OpenID provider as the console's federated sign-in uses it: the discovery document and the token endpoint. The
 * browser's visit to the authorization endpoint is played by the test, which reads the console's redirect and asks
 * {@link #authorize} for a code, as a provider would after the user signed in. The token endpoint checks the PKCE
 * verifier against the challenge, the client id and the redirect URI, and answers an ID token with the nonce.
 */
final class ProviderStub extends StubServer {

    static final String CLIENT_ID = "console-test-client";

    private record Grant(String challenge, String redirectUri, String nonce, String email) {
    }

    private final Map<String, Grant> codes = new ConcurrentHashMap<>();

    @Override
    Reply handle(Call call) {
        String route = call.method() + " " + call.path();
        if (route.equals("GET /.well-known/openid-configuration")) {
            return new Reply(200, Map.of("issuer", url(), "authorization_endpoint", url() + "/authorize",
                    "token_endpoint", url() + "/token", "jwks_uri", url() + "/jwks"));
        }
        if (route.equals("POST /token")) {
            return token(call.form());
        }
        return notFound();
    }

    /** The code the provider gives the user who signed in as {@code email}, for the console's authorization request. */
    String authorize(Map<String, String> request, String email, String nonce) {
        String code = "code-" + UUID.randomUUID();
        codes.put(code, new Grant(request.get("code_challenge"), request.get("redirect_uri"), nonce, email));
        return code;
    }

    private Reply token(Map<String, String> form) {
        Grant grant = codes.remove(form.getOrDefault("code", ""));
        if (grant == null || !"authorization_code".equals(form.get("grant_type")) || !CLIENT_ID.equals(form.get("client_id"))
                || !grant.redirectUri().equals(form.get("redirect_uri"))
                || !grant.challenge().equals(challenge(form.getOrDefault("code_verifier", "")))) {
            return new Reply(400, Map.of("error", "invalid_grant"));
        }
        Base64.Encoder base64 = Base64.getUrlEncoder().withoutPadding();
        String claims = "{\"iss\":\"" + url() + "\",\"aud\":\"" + CLIENT_ID + "\",\"sub\":\"provider-user-1\",\"email\":\""
                + grant.email() + "\",\"email_verified\":true,\"nonce\":\"" + grant.nonce() + "\"}";
        String idToken = base64.encodeToString("{\"alg\":\"RS256\"}".getBytes(StandardCharsets.UTF_8)) + "."
                + base64.encodeToString(claims.getBytes(StandardCharsets.UTF_8)) + ".c2lnbmF0dXJl";
        return new Reply(200, Map.of("id_token", idToken, "access_token", "provider-access", "token_type", "Bearer"));
    }

    private static String challenge(String verifier) {
        try {
            return Base64.getUrlEncoder().withoutPadding().encodeToString(
                    MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
