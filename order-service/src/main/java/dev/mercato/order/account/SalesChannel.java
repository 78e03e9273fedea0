package dev.mercato.order.account;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/**
 * Who a contract was sold to and through: the customer's country and segment, and the reseller (partner)
 * and distributor above it in the organization tree, as they were when the contract was made.
 */
@Embeddable
public class SalesChannel {

    @Column(name = "customer_country")
    public String customerCountry;

    @Column(name = "account_segment")
    public String accountSegment;

    @Column(name = "reseller_csn")
    public String resellerCsn;

    @Column(name = "reseller_name")
    public String resellerName;

    @Column(name = "distributor_csn")
    public String distributorCsn;

    @Column(name = "distributor_name")
    public String distributorName;

    /** The channel of {@code customer}; {@code reseller} and {@code distributor} may be null (a direct customer). */
    public static SalesChannel of(Account customer, Account reseller, Account distributor) {
        SalesChannel channel = new SalesChannel();
        channel.customerCountry = customer.country != null ? customer.country : customer.countryCode;
        channel.accountSegment = customer.segment;
        channel.resellerCsn = reseller == null ? null : reseller.csn;
        channel.resellerName = reseller == null ? null : reseller.name;
        channel.distributorCsn = distributor == null ? null : distributor.csn;
        channel.distributorName = distributor == null ? null : distributor.name;
        return channel;
    }

    public SalesChannel copy() {
        SalesChannel channel = new SalesChannel();
        channel.customerCountry = customerCountry;
        channel.accountSegment = accountSegment;
        channel.resellerCsn = resellerCsn;
        channel.resellerName = resellerName;
        channel.distributorCsn = distributorCsn;
        channel.distributorName = distributorName;
        return channel;
    }
}
