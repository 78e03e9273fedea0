package dev.mercato.platform.security;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Names the scopes of a resource class whose endpoints check them in code ({@link Caller#requireScope}) rather than
 * with {@code @PermissionsAllowed}, because one implementation serves several collections with different scopes: the
 * read scope for its {@code GET} operations, the write scope for the others. The OpenAPI document declares these
 * scopes as each operation's security requirement ({@link dev.mercato.platform.security.openapi.DeclaredScopes}); the
 * annotated class makes sure they are the ones its code checks (identity's organization endpoints refuse to start
 * otherwise), so the document says what the code enforces.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface ScopesCheckedInCode {

    String read();

    String write();
}
