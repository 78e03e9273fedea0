package dev.mercato.webhook.ssrf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import dev.mercato.webhook.ssrf.UrlGuard.RefusedUrlException;

/** A corpus of URLs a webhook must never reach, and some it may. No DNS beyond the local resolver is needed. */
class UrlGuardTest {

    private final UrlGuard production = new UrlGuard(List.of());
    private final UrlGuard development = new UrlGuard(List.of("127.0.0.1", "localhost", "::1"));

    @ParameterizedTest
    @ValueSource(strings = {
            // not https, or malformed
            "http://93.184.216.34/hook", "ftp://93.184.216.34/", "file:///etc/passwd", "gopher://93.184.216.34/",
            "https:///nohost", "//93.184.216.34/x", "https://user:pass@93.184.216.34/", "https://93.184.216.34/#frag",
            "https://93.184.216.34:0/", "https://93.184.216.34:99999/", "not a url", "",
            // loopback in every spelling
            "https://127.0.0.1/", "https://127.1/", "https://127.0.1/", "https://2130706433/", "https://0x7f000001/",
            "https://0x7f.1/", "https://0177.0.0.1/", "https://017700000001/", "https://0x7f.0x0.0x0.0x1/",
            "https://localhost/", "https://LOCALHOST./", "https://foo.localhost/", "https://[::1]/",
            "https://[::ffff:127.0.0.1]/", "https://[::ffff:7f00:1]/", "https://[::127.0.0.1]/",
            "https://[0:0:0:0:0:ffff:127.0.0.1]/",
            // unspecified
            "https://0.0.0.0/", "https://0/", "https://[::]/",
            // private, CGNAT, link-local and metadata
            "https://10.0.0.1/", "https://172.16.0.1/", "https://172.31.255.255/", "https://192.168.1.1/",
            "https://100.64.0.1/", "https://100.127.255.254/", "https://169.254.169.254/latest/meta-data/",
            "https://0xa9fea9fe/", "https://2852039166/", "https://[::ffff:169.254.169.254]/", "https://[::ffff:a9fe:a9fe]/",
            "https://[fd00:ec2::254]/", "https://[fe80::1]/", "https://[fc00::1]/", "https://[fec0::1]/",
            "https://metadata.google.internal/", "https://anything.internal/", "https://printer.local/",
            // NAT64 and 6to4 wrapping private addresses
            "https://[64:ff9b::a9fe:a9fe]/", "https://[64:ff9b::10.0.0.1]/", "https://[2002:7f00:1::]/",
            "https://[2002:c0a8:0101::1]/",
            // multicast, broadcast, reserved, documentation
            "https://224.0.0.1/", "https://239.255.255.250/", "https://255.255.255.255/", "https://240.0.0.1/",
            "https://[ff02::1]/", "https://192.0.2.1/", "https://198.51.100.1/", "https://203.0.113.1/",
            "https://198.18.0.1/", "https://[2001:db8::1]/", "https://[2001::1]/",
            // invalid numeric forms
            "https://1.2.3.4.5/", "https://256.1.1.1/", "https://08.0.0.1/", "https://0x100000000/",
    })
    void refuses(String url) {
        assertThatThrownBy(() -> production.check(url)).isInstanceOf(RefusedUrlException.class);
    }

    @Test
    void acceptsPublicAddressesOverHttpsAndConnectsToTheAddressChecked() throws Exception {
        UrlGuard.Target target = production.check("https://93.184.216.34:8443/hooks/in?x=1");
        assertThat(target.address()).isEqualTo(InetAddress.getByName("93.184.216.34"));
        assertThat(target.port()).isEqualTo(8443);
        assertThat(target.requestUri()).isEqualTo("/hooks/in?x=1");
        assertThat(target.https()).isTrue();
        assertThat(production.check("https://[2606:4700::1111]/").address().getHostAddress()).contains("2606");
        // a hex spelling of a public address is read as that address
        assertThat(production.check("https://0x5db8d822/").address()).isEqualTo(InetAddress.getByName("93.184.216.34"));
    }

    @Test
    void theDevelopmentAllowListLetsLoopbackUseHttp() throws Exception {
        assertThat(development.check("http://127.0.0.1:8080/x").address().isLoopbackAddress()).isTrue();
        assertThat(development.check("http://localhost:8080/x").address().isLoopbackAddress()).isTrue();
        assertThat(development.check("http://[::1]:8080/x").address().isLoopbackAddress()).isTrue();
        assertThatThrownBy(() -> development.check("http://10.0.0.1/")).isInstanceOf(RefusedUrlException.class);
        assertThatThrownBy(() -> development.check("http://2130706433/")).isInstanceOf(RefusedUrlException.class);
    }
}
