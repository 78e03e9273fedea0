package dev.mercato.metering.marketplace;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** Signature Version 4 against AWS's published test vector "get-vanilla" of its signing test suite. */
class AwsSigV4Test {

    @Test
    void signsAwsPublishedExampleRequest() {
        AwsSigV4.Credentials credentials = new AwsSigV4.Credentials("AKIDEXAMPLE",
                "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY", null, "us-east-1", "service");
        Map<String, String> headers = AwsSigV4.sign("GET", URI.create("https://example.amazonaws.com/"), Map.of(),
                new byte[0], credentials, Instant.parse("2015-08-30T12:36:00Z"));

        assertThat(headers).containsEntry("x-amz-date", "20150830T123600Z");
        assertThat(headers.get("authorization")).isEqualTo("AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/"
                + "service/aws4_request, SignedHeaders=host;x-amz-date, "
                + "Signature=5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31");
    }

    @Test
    void signsTheSessionTokenAndEveryHeaderSent() {
        AwsSigV4.Credentials credentials = new AwsSigV4.Credentials("AKIDEXAMPLE",
                "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY", "session", "us-east-1", "aws-marketplace");
        Map<String, String> headers = AwsSigV4.sign("POST", URI.create("http://127.0.0.1:8443"),
                Map.of("X-Amz-Target", AwsMeteringAdapter.TARGET, "Content-Type", "application/x-amz-json-1.1"),
                "{}".getBytes(), credentials, Instant.parse("2026-12-01T10:00:00Z"));

        assertThat(headers).containsEntry("x-amz-security-token", "session");
        assertThat(headers.get("authorization")).contains(
                "SignedHeaders=content-type;host;x-amz-date;x-amz-security-token;x-amz-target");
        Map<String, String> again = AwsSigV4.sign("POST", URI.create("http://127.0.0.1:8443"),
                Map.of("X-Amz-Target", AwsMeteringAdapter.TARGET, "Content-Type", "application/x-amz-json-1.1"),
                "{ }".getBytes(), credentials, Instant.parse("2026-12-01T10:00:00Z"));
        assertThat(again.get("authorization")).isNotEqualTo(headers.get("authorization"));
    }
}
