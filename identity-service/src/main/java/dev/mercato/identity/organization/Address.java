package dev.mercato.identity.organization;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/** A postal address, stored with its organization. */
@Embeddable
public class Address {

    @Column(name = "address_line1")
    public String line1;
    @Column(name = "address_line2")
    public String line2;
    @Column(name = "address_line3")
    public String line3;
    public String city;
    @Column(name = "postal_code")
    public String postalCode;
    @Column(name = "state_province")
    public String stateProvince;
    public String country;
}
