package dev.mercato.metering.directory;

import java.util.List;

import dev.mercato.platform.persistence.Listings.Visibility;
import dev.mercato.platform.security.Caller;

/**
 * Whose usage a caller sees: the platform everything; any other organization the usage of customers at
 * or below it (a tenant its own, a partner or distributor its subtree) and the usage of listings whose
 * vendor is at or below it (a vendor its own listings'). Decided on the organizations read model.
 */
public final class UsageAccess {

    private UsageAccess() {
    }

    /** For an entity with {@code customerId} and {@code vendorId} attributes (HQL). */
    public static Visibility of(Caller caller) {
        if ("PLATFORM".equals(caller.organizationKind())) {
            return Visibility.ALL;
        }
        Visibility path = caller.visibility("d.path");
        return Visibility.of("exists (select 1 from DirectoryOrganization d where d.id in (customerId, vendorId) and "
                + path.condition() + ")", path.parameters());
    }

    /**
     * For SQL over a row with {@code customer_id} and {@code vendor_id} columns: a condition with positional
     * parameters numbered from {@code first}, and their values; empty for the platform.
     */
    public static SqlCondition sql(Caller caller, int first) {
        if ("PLATFORM".equals(caller.organizationKind())) {
            return new SqlCondition("true", List.of());
        }
        String path = caller.organizationPath();
        return new SqlCondition("exists (select 1 from directory_organization d where d.id in (customer_id, vendor_id)"
                + " and (d.path = $" + first + " or d.path like $" + (first + 1) + " escape '\\'))",
                List.of(path, likeLiteral(path) + "/%"));
    }

    /** A SQL condition and its parameters' values, in order. */
    public record SqlCondition(String sql, List<Object> parameters) {
    }

    /** {@code value} for a LIKE pattern with '\' as escape: ids contain '_', which must not match any character. */
    private static String likeLiteral(String value) {
        return value.replace("\\", "\\\\").replace("_", "\\_").replace("%", "\\%");
    }
}
