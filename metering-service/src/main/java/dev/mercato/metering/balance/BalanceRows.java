package dev.mercato.metering.balance;

/** SQL shared by the statements that publish a balance. */
final class BalanceRows {

    /**
     * The {@link dev.mercato.platform.events.TokenBalanceV1} JSON of a {@code token_balance} row {@code a} with
     * the threshold as {@code $3}, for a notice that is not a credit.
     */
    static final String PAYLOAD = """
            jsonb_build_object('customerId', a.customer_id, 'vendorId', a.vendor_id,
                'purchased', trim_scale(a.purchased), 'consumed', trim_scale(a.consumed),
                'balance', trim_scale(a.purchased - a.consumed), 'threshold', trim_scale($3::numeric),
                'transactionId', null, 'credited', null,
                'changedAt', to_char(now() at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'))::text""";

    private BalanceRows() {
    }
}
