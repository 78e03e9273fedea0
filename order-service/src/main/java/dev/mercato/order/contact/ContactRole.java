package dev.mercato.order.contact;

/** What a contact does for its customer. */
public enum ContactRole {
    CONTRACT_MANAGER, PRIMARY_TEAM_ADMIN, PRIMARY_TEAM_ADMIN_CONTRACT_MANAGER;

    /** This role together with {@code other}: either one alone, or both. */
    public ContactRole with(ContactRole other) {
        return this == other ? this : PRIMARY_TEAM_ADMIN_CONTRACT_MANAGER;
    }
}
