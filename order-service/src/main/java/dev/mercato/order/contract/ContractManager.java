package dev.mercato.order.contract;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/** The person at the customer who manages a contract: named by the order that made it. */
@Embeddable
public class ContractManager {

    @Column(name = "contract_manager_email")
    public String email;

    @Column(name = "contract_manager_first_name")
    public String firstName;

    @Column(name = "contract_manager_last_name")
    public String lastName;

    @Column(name = "contract_manager_phone")
    public String phone;

    public static ContractManager of(String email, String firstName, String lastName, String phone) {
        ContractManager manager = new ContractManager();
        manager.email = email;
        manager.firstName = firstName;
        manager.lastName = lastName;
        manager.phone = phone;
        return manager;
    }

    public ContractManager copy() {
        return of(email, firstName, lastName, phone);
    }
}
