package dev.mercato.platform.security.token;

import java.security.Permission;
import java.util.List;
import java.util.function.Function;

import io.smallrye.mutiny.Uni;

/**
 * A verified token's permissions as a permission checker: a permission asked for (by {@code @PermissionsAllowed} or
 * in code) is granted when one of them implies it — what Quarkus's own check of an identity's permission set does,
 * without a set to rebuild for every request.
 */
record GrantedPermissions(List<Permission> granted) implements Function<Permission, Uni<Boolean>> {

    private static final Uni<Boolean> YES = Uni.createFrom().item(true);
    private static final Uni<Boolean> NO = Uni.createFrom().item(false);

    @Override
    public Uni<Boolean> apply(Permission asked) {
        for (Permission permission : granted) {
            if (permission.implies(asked)) {
                return YES;
            }
        }
        return NO;
    }
}
