package dev.mercato.platform.security.token;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.Principal;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.quarkus.security.StringPermission;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;

/** The shared checker grants what Quarkus's own check of the same permission strings grants, and nothing more. */
class GrantedPermissionsTest {

    private static final Principal CLIENT = () -> "app_test";
    private static final Set<String> SCOPES = Set.of("read:customers", "write:orders");

    private final GrantedPermissions granted = new GrantedPermissions(List.copyOf(
            QuarkusSecurityIdentity.builder().setPrincipal(CLIENT).addPermissionsAsString(SCOPES).build().getPermissions()));

    @Test
    void grantsWhatTheTokensScopesImplyAsQuarkusWould() {
        QuarkusSecurityIdentity quarkus = QuarkusSecurityIdentity.builder().setPrincipal(CLIENT)
                .addPermissionsAsString(SCOPES).build();
        for (StringPermission asked : List.of(new StringPermission("read", "customers"),
                new StringPermission("write", "orders"), new StringPermission("read", "orders"),
                new StringPermission("write", "customers"), new StringPermission("read:customers"),
                new StringPermission("admin", "customers"))) {
            assertThat(granted.apply(asked).await().indefinitely()).as(asked.toString())
                    .isEqualTo(quarkus.checkPermission(asked).await().indefinitely());
        }
        assertThat(granted.apply(new StringPermission("read", "customers")).await().indefinitely()).isTrue();
        assertThat(granted.apply(new StringPermission("read", "orders")).await().indefinitely()).isFalse();
    }
}
