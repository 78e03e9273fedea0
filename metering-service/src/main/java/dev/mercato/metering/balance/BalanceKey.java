package dev.mercato.metering.balance;

/** A balance's identity (customer and vendor) as one sortable string; ids never contain a line feed. */
final class BalanceKey {

    private BalanceKey() {
    }

    static String of(String customerId, String vendorId) {
        return customerId + "\n" + vendorId;
    }

    static String customer(String key) {
        return key.substring(0, key.indexOf('\n'));
    }

    static String vendor(String key) {
        return key.substring(key.indexOf('\n') + 1);
    }
}
