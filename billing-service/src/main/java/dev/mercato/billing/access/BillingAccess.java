package dev.mercato.billing.access;

import java.util.List;

import dev.mercato.platform.persistence.Listings.Visibility;
import dev.mercato.platform.security.Caller;

/**
 * Whose invoices and notes a caller sees: those of customers at or below its organization (a tenant its
 * own, a partner or distributor its subtree, the platform all), decided on the customer's path stored
 * with each invoice.
 */
public final class BillingAccess {

    private BillingAccess() {
    }

    /** For an entity with a {@code customerPath} attribute (HQL). */
    public static Visibility of(Caller caller) {
        return caller.visibility("customerPath");
    }

    /**
     * For SQL over a row with a {@code customer_path} column (qualified by {@code alias}): a condition with
     * positional parameters numbered from {@code first}, and their values.
     */
    public static SqlCondition sql(Caller caller, String alias, int first) {
        return sqlOnPath(caller, alias + ".customer_path", first);
    }

    /** As {@link #sql} for any path column (qualified as it must appear in the query). */
    public static SqlCondition sqlOnPath(Caller caller, String column, int first) {
        return sqlOnPath(caller.organizationPath(), column, first);
    }

    /** The same condition for the subtree of the organization at {@code path} (the caller's, or one it sees). */
    public static SqlCondition sqlOnPath(String path, String column, int first) {
        return new SqlCondition("(" + column + " = $" + first + " or " + column + " like $" + (first + 1) + " escape '\\')",
                List.of(path, likeLiteral(path) + "/%"));
    }

    /** SQL for the path of the {@code billing_customer} row {@code alias}: its ancestry and its id. */
    public static String customerPath(String alias) {
        return "case when " + alias + ".ancestry = '' then " + alias + ".id else " + alias + ".ancestry || '/' || " + alias
                + ".id end";
    }

    /** A SQL condition and its parameters' values, in order. */
    public record SqlCondition(String sql, List<Object> parameters) {
    }

    private static String likeLiteral(String value) {
        return value.replace("\\", "\\\\").replace("_", "\\_").replace("%", "\\%");
    }
}
