package dev.mercato.webhook.ssrf;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import dev.mercato.webhook.WebhookConfig;

/**
 * Decides whether an endpoint URL may be called (server-side request forgery): https only, and a host whose
 * every address is public — not private, loopback, link-local, CGNAT, multicast, reserved or a cloud metadata
 * address, in IPv4 or IPv6, including IPv4-mapped, -compatible, NAT64 and 6to4 forms. Numeric hosts are read
 * the way C's {@code inet_aton} reads them (decimal, octal, hex, 1–4 parts), so {@code 0x7f.1} is 127.0.0.1.
 * Hosts on the development allow-list ({@code mercato.webhooks.allow-http-hosts}) may use http and any address.
 * Checked at registration and again before every attempt; the attempt connects to the address checked.
 */
@ApplicationScoped
public class UrlGuard {

    private static final Pattern NUMERIC_LABEL = Pattern.compile("(0x[0-9a-f]*|[0-9]+)");
    private static final Set<String> REFUSED_NAMES = Set.of("localhost", "metadata.google.internal", "metadata",
            "instance-data", "kubernetes.default", "kubernetes.default.svc");

    private final Set<String> allowHttpHosts;

    @jakarta.inject.Inject
    public UrlGuard(WebhookConfig config) {
        this(config.allowHttpHosts().orElse(List.of()));
    }

    /** A guard with this development allow-list (empty in production). */
    public UrlGuard(List<String> allowHttpHosts) {
        this.allowHttpHosts = allowHttpHosts.stream()
                .map(h -> h.trim().toLowerCase(Locale.ROOT)).filter(h -> !h.isEmpty()).collect(Collectors.toUnmodifiableSet());
    }

    /** Where a checked URL goes: its parts and the address to connect to. */
    public record Target(URI uri, boolean https, String host, int port, String requestUri, InetAddress address) {
    }

    /** Thrown for a URL that may not be called; the message says why and names no secret. */
    public static final class RefusedUrlException extends Exception {
        public RefusedUrlException(String message) {
            super(message, null, false, false);
        }
    }

    /** Checks the URL's form only (no DNS): scheme, host, port, no user info. */
    public URI parse(String url) throws RefusedUrlException {
        if (url == null || url.isBlank() || url.length() > 2000) {
            throw new RefusedUrlException("must be an absolute https URL of at most 2000 characters");
        }
        URI uri;
        try {
            uri = new URI(url.trim());
        } catch (URISyntaxException e) {
            throw new RefusedUrlException("is not a valid URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        String host = host(uri);
        if (!uri.isAbsolute() || uri.isOpaque() || host == null || host.isEmpty()) {
            throw new RefusedUrlException("must be an absolute https URL with a host");
        }
        if (uri.getRawUserInfo() != null) {
            throw new RefusedUrlException("must not contain user information");
        }
        if (uri.getRawFragment() != null) {
            throw new RefusedUrlException("must not contain a fragment");
        }
        boolean allowed = allowHttpHosts.contains(host);
        if (!scheme.equals("https") && !(scheme.equals("http") && allowed)) {
            throw new RefusedUrlException("must use https");
        }
        if (uri.getPort() == 0 || uri.getPort() > 65535) {
            throw new RefusedUrlException("has an invalid port");
        }
        return uri;
    }

    /**
     * Checks the URL and resolves its host (blocking: DNS), refusing it unless every address is public or the host
     * is allow-listed. The first address is the one to connect to.
     */
    public Target check(String url) throws RefusedUrlException {
        URI uri = parse(url);
        String host = host(uri);
        boolean https = "https".equalsIgnoreCase(uri.getScheme());
        int port = uri.getPort() > 0 ? uri.getPort() : https ? 443 : 80;
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        String requestUri = uri.getRawQuery() == null ? path : path + "?" + uri.getRawQuery();
        InetAddress[] addresses = resolve(host);
        if (!allowHttpHosts.contains(host)) {
            if (REFUSED_NAMES.contains(host) || host.endsWith(".localhost") || host.endsWith(".internal")
                    || host.endsWith(".local")) {
                throw new RefusedUrlException("host is not a public host");
            }
            for (InetAddress address : addresses) {
                if (!isPublic(address)) {
                    throw new RefusedUrlException("host resolves to a non-public address");
                }
            }
        }
        return new Target(uri, https, host, port, requestUri, addresses[0]);
    }

    /** Whether the URL's host is an IP address (in any numeric form), so checking it needs no DNS. */
    public static boolean isAddressLiteral(String url) {
        try {
            String host = host(new URI(url.trim()));
            return host != null && (host.contains(":")
                    || Arrays.stream(host.split("\\.", -1)).allMatch(label -> NUMERIC_LABEL.matcher(label).matches()));
        } catch (URISyntaxException | RuntimeException e) {
            return false;
        }
    }

    /** The URI's host in lower case, IPv6 literals without brackets; null when it has none. */
    static String host(URI uri) {
        String host = uri.getHost();
        if (host == null) {
            // java.net.URI leaves the host empty for forms like http://0x7f.1/ (a label starting with a digit
            // followed by letters is fine, but underscores and others are not): read the authority ourselves.
            String authority = uri.getRawAuthority();
            if (authority == null || authority.contains("@")) {
                return null;
            }
            host = authority.startsWith("[") ? authority.substring(0, authority.indexOf(']') + 1)
                    : authority.contains(":") ? authority.substring(0, authority.lastIndexOf(':')) : authority;
        }
        host = host.toLowerCase(Locale.ROOT);
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        if (host.endsWith(".")) {
            host = host.substring(0, host.length() - 1);
        }
        return host;
    }

    private static InetAddress[] resolve(String host) throws RefusedUrlException {
        try {
            if (host.contains(":")) {
                if (!host.matches("[0-9a-f:.]+")) {
                    throw new RefusedUrlException("has an invalid IPv6 address");
                }
                return new InetAddress[] {InetAddress.getByName(host)};
            }
            byte[] numeric = inetAton(host);
            if (numeric != null) {
                return new InetAddress[] {InetAddress.getByAddress(host, numeric)};
            }
            if (Arrays.stream(host.split("\\.", -1)).allMatch(label -> NUMERIC_LABEL.matcher(label).matches())) {
                throw new RefusedUrlException("has an invalid IP address");
            }
            InetAddress[] all = InetAddress.getAllByName(host);
            if (all.length == 0) {
                throw new RefusedUrlException("host does not resolve");
            }
            return all;
        } catch (UnknownHostException e) {
            throw new RefusedUrlException("host does not resolve");
        }
    }

    /**
     * A numeric IPv4 host the way {@code inet_aton} reads it — 1 to 4 parts, each decimal, octal (leading 0) or
     * hex (0x); the last part fills the remaining bytes — or null when {@code host} is not one.
     */
    static byte[] inetAton(String host) {
        String[] parts = host.split("\\.", -1);
        if (parts.length < 1 || parts.length > 4) {
            return null;
        }
        long[] values = new long[parts.length];
        for (int i = 0; i < parts.length; i++) {
            String part = parts[i];
            if (!NUMERIC_LABEL.matcher(part).matches()) {
                return null;
            }
            try {
                if (part.startsWith("0x")) {
                    values[i] = part.length() == 2 ? 0 : Long.parseLong(part.substring(2), 16);
                } else if (part.length() > 1 && part.startsWith("0")) {
                    values[i] = Long.parseLong(part.substring(1), 8);
                } else {
                    values[i] = Long.parseLong(part);
                }
            } catch (NumberFormatException e) {
                return null; // too long, or 8/9 in an octal part
            }
        }
        long value = 0;
        for (int i = 0; i < values.length - 1; i++) {
            if (values[i] > 255) {
                return null;
            }
            value = (value << 8) | values[i];
        }
        int remainingBytes = 4 - (values.length - 1);
        long last = values[values.length - 1];
        if (last >= (1L << (8 * remainingBytes))) {
            return null;
        }
        value = (value << (8 * remainingBytes)) | last;
        return new byte[] {(byte) (value >>> 24), (byte) (value >>> 16), (byte) (value >>> 8), (byte) value};
    }

    /** Whether {@code address} is a public unicast address a webhook may be sent to. */
    public static boolean isPublic(InetAddress address) {
        byte[] b = address.getAddress();
        if (address instanceof Inet4Address) {
            return isPublicV4(b);
        }
        if (address instanceof Inet6Address) {
            return isPublicV6(b);
        }
        return false;
    }

    private static boolean isPublicV4(byte[] b) {
        int a0 = b[0] & 0xff;
        int a1 = b[1] & 0xff;
        int a2 = b[2] & 0xff;
        return !(a0 == 0                                   // "this" network
                || a0 == 10                                 // private
                || (a0 == 100 && a1 >= 64 && a1 <= 127)     // CGNAT 100.64/10
                || a0 == 127                                // loopback
                || (a0 == 169 && a1 == 254)                 // link-local, cloud metadata
                || (a0 == 172 && a1 >= 16 && a1 <= 31)      // private
                || (a0 == 192 && a1 == 0 && a2 == 0)        // IETF protocol assignments
                || (a0 == 192 && a1 == 0 && a2 == 2)        // documentation
                || (a0 == 192 && a1 == 88 && a2 == 99)      // 6to4 relay anycast
                || (a0 == 192 && a1 == 168)                 // private
                || (a0 == 198 && (a1 == 18 || a1 == 19))    // benchmarking
                || (a0 == 198 && a1 == 51 && a2 == 100)     // documentation
                || (a0 == 203 && a1 == 0 && a2 == 113)      // documentation
                || a0 >= 224);                              // multicast, reserved, broadcast
    }

    private static boolean isPublicV6(byte[] b) {
        boolean firstTenZero = true;
        for (int i = 0; i < 10; i++) {
            firstTenZero &= b[i] == 0;
        }
        if (firstTenZero && ((b[10] == 0 && b[11] == 0) || (b[10] == (byte) 0xff && b[11] == (byte) 0xff))) {
            // ::, ::1, IPv4-compatible ::a.b.c.d and IPv4-mapped ::ffff:a.b.c.d: judged by the IPv4 address,
            // and the unspecified and loopback addresses are never public.
            boolean compatible = b[10] == 0;
            if (compatible && b[12] == 0 && b[13] == 0 && b[14] == 0 && (b[15] == 0 || b[15] == 1)) {
                return false;
            }
            return isPublicV4(Arrays.copyOfRange(b, 12, 16));
        }
        int first = b[0] & 0xff;
        int second = b[1] & 0xff;
        if ((first & 0xfe) == 0xfc                                    // unique local fc00::/7 (incl. AWS fd00:ec2::254)
                || (first == 0xfe && (second & 0xc0) == 0x80)           // link-local fe80::/10
                || (first == 0xfe && (second & 0xc0) == 0xc0)           // site-local fec0::/10
                || first == 0xff                                        // multicast
                || (first == 0x20 && second == 0x01 && b[2] == 0x0d && b[3] == (byte) 0xb8) // documentation
                || (first == 0x01 && second == 0x00 && b[2] == 0 && b[3] == 0)               // discard 100::/64
                || (first == 0x20 && second == 0x01 && b[2] == 0 && b[3] == 0)) {            // Teredo 2001::/32
            return false;
        }
        if (first == 0x00 && second == 0x64 && b[2] == (byte) 0xff && b[3] == (byte) 0x9b) { // NAT64 64:ff9b::/96
            return isPublicV4(Arrays.copyOfRange(b, 12, 16));
        }
        if (first == 0x20 && second == 0x02) { // 6to4 2002:a.b.c.d::/48
            return isPublicV4(Arrays.copyOfRange(b, 2, 6));
        }
        return (first & 0xe0) == 0x20; // global unicast 2000::/3
    }
}
