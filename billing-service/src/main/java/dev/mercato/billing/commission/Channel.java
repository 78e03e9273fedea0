package dev.mercato.billing.commission;

import java.util.Arrays;
import java.util.Map;

/**
 * Who earns on a customer's invoices: its reseller (the nearest partner or distributor above it), the
 * distributor above a reselling partner, and the platform at the root. Either of the first two may be
 * absent: a customer directly under a distributor has no upper tier, one directly under the platform no
 * channel at all.
 */
public record Channel(Beneficiary reseller, Beneficiary upper, Beneficiary platform) {

    public static final String PLATFORM = "PLATFORM";
    public static final String DISTRIBUTOR = "DISTRIBUTOR";
    public static final String PARTNER = "PARTNER";

    /** An organization of the channel and its place in the tree ({@code a/b/c}). */
    public record Beneficiary(String id, String kind, String path) {
    }

    /**
     * The channel of the customer at {@code customerPath} (organization ids from the root, {@code /}-separated),
     * given the kind of each organization on it (an organization of unknown kind earns nothing). The root of the
     * tree is the platform.
     */
    public static Channel of(String customerPath, Map<String, String> kinds) {
        String[] ids = customerPath.split("/");
        Beneficiary reseller = null;
        Beneficiary upper = null;
        Beneficiary platform = null;
        for (int depth = ids.length - 2; depth >= 0; depth--) {
            String kind = depth == 0 ? PLATFORM : kinds.get(ids[depth]);
            Beneficiary organization = new Beneficiary(ids[depth], kind, pathTo(ids, depth));
            if (depth == 0) {
                platform = organization;
            } else if (reseller == null && (PARTNER.equals(kind) || DISTRIBUTOR.equals(kind))) {
                reseller = organization;
            } else if (upper == null && reseller != null && PARTNER.equals(reseller.kind()) && DISTRIBUTOR.equals(kind)) {
                upper = organization;
            }
        }
        return new Channel(reseller, upper, platform);
    }

    private static String pathTo(String[] ids, int depth) {
        return String.join("/", Arrays.copyOfRange(ids, 0, depth + 1));
    }
}
