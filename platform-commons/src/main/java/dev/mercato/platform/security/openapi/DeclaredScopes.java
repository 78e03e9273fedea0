package dev.mercato.platform.security.openapi;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.security.SecurityRequirement;
import org.jboss.jandex.AnnotationInstance;
import org.jboss.jandex.AnnotationValue;
import org.jboss.jandex.ClassInfo;
import org.jboss.jandex.DotName;
import org.jboss.jandex.IndexView;
import org.jboss.jandex.MethodInfo;

import io.quarkus.smallrye.openapi.OpenApiFilter;

/**
 * Writes each operation's scopes into its security requirement, at build time, from the annotations that enforce them:
 * {@code @PermissionsAllowed} on the method or its class (several values: any one of them, each a requirement of its
 * own; {@code inclusive}: all of them in one requirement), or {@link dev.mercato.platform.security.ScopesCheckedInCode}
 * on the resource class. Quarkus itself adds a requirement without scopes for {@code @PermissionsAllowed}, and none for
 * endpoints that check their scopes in code; clients, the fuzzer's authorization matrix (bench/Fuzz.java) and
 * anyone reading Swagger UI learn from the document which scope an operation needs. A {@code @PermitAll} operation
 * gets the empty requirement: public. Operations are found through their operation id ({@code quarkus.smallrye-openapi.operation-id-strategy
 * =class-method}: {@code <resource class>_<method>}).
 */
@OpenApiFilter(stages = OpenApiFilter.RunStage.BUILD)
public class DeclaredScopes implements OASFilter {

    static final DotName PATH = DotName.createSimple("jakarta.ws.rs.Path");
    static final DotName PERMISSIONS_ALLOWED = DotName.createSimple("io.quarkus.security.PermissionsAllowed");
    static final DotName PERMISSIONS_ALLOWED_LIST = DotName.createSimple("io.quarkus.security.PermissionsAllowed$List");
    static final DotName PERMIT_ALL = DotName.createSimple("jakarta.annotation.security.PermitAll");
    static final DotName CHECKED_IN_CODE = DotName.createSimple("dev.mercato.platform.security.ScopesCheckedInCode");
    static final Set<String> HTTP_METHODS = Set.of("GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS");

    private final IndexView index;
    private final Map<String, ClassInfo> resources = new HashMap<>();

    public DeclaredScopes(IndexView index) {
        this.index = index;
        for (AnnotationInstance path : index.getAnnotations(PATH)) {
            if (path.target().kind() == org.jboss.jandex.AnnotationTarget.Kind.CLASS) {
                ClassInfo resource = path.target().asClass();
                resources.put(resource.simpleName(), resource);
            }
        }
    }

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getPaths() == null || openAPI.getComponents() == null
                || openAPI.getComponents().getSecuritySchemes() == null
                || openAPI.getComponents().getSecuritySchemes().isEmpty()) {
            return;
        }
        String scheme = openAPI.getComponents().getSecuritySchemes().keySet().iterator().next();
        for (PathItem item : openAPI.getPaths().getPathItems().values()) {
            item.getOperations().forEach((method, operation) -> declare(scheme, method, operation));
        }
    }

    private void declare(String scheme, PathItem.HttpMethod httpMethod, Operation operation) {
        String id = operation.getOperationId();
        int separator = id == null ? -1 : id.indexOf('_');
        ClassInfo resource = separator < 0 ? null : resources.get(id.substring(0, separator));
        if (resource == null) {
            return;
        }
        MethodInfo method = endpoint(resource, id.substring(separator + 1));
        if (method == null) {
            return;
        }
        if (method.hasDeclaredAnnotation(PERMIT_ALL) || method.declaringClass().hasDeclaredAnnotation(PERMIT_ALL)
                && !method.hasDeclaredAnnotation(PERMISSIONS_ALLOWED)) {
            operation.setSecurity(new ArrayList<>());
            return;
        }
        List<List<String>> alternatives = permissionsAllowed(method);
        if (alternatives.isEmpty()) {
            alternatives = permissionsAllowed(method.declaringClass().declaredAnnotation(PERMISSIONS_ALLOWED));
        }
        if (alternatives.isEmpty() && resource.declaredAnnotation(CHECKED_IN_CODE) instanceof AnnotationInstance code) {
            alternatives = List.of(List.of(code.value(httpMethod == PathItem.HttpMethod.GET ? "read" : "write").asString()));
        }
        if (alternatives.isEmpty()) {
            return;
        }
        List<SecurityRequirement> requirements = new ArrayList<>();
        for (List<String> scopes : alternatives) {
            requirements.add(OASFactory.createSecurityRequirement().addScheme(scheme, scopes));
        }
        operation.setSecurity(requirements);
    }

    /** The endpoint method of that name, declared by the resource class or inherited from one of its superclasses. */
    private MethodInfo endpoint(ClassInfo resource, String name) {
        for (ClassInfo type = resource; type != null; type = index.getClassByName(type.superName())) {
            for (MethodInfo method : type.methods()) {
                if (method.name().equals(name) && method.annotations().stream()
                        .anyMatch(a -> HTTP_METHODS.contains(a.name().withoutPackagePrefix()))) {
                    return method;
                }
            }
        }
        return null;
    }

    private static List<List<String>> permissionsAllowed(MethodInfo method) {
        if (method.declaredAnnotation(PERMISSIONS_ALLOWED_LIST) instanceof AnnotationInstance list) {
            List<String> all = new ArrayList<>();
            for (AnnotationInstance one : list.value().asNestedArray()) {
                all.addAll(List.of(one.value().asStringArray()));
            }
            return List.of(all);
        }
        return permissionsAllowed(method.declaredAnnotation(PERMISSIONS_ALLOWED));
    }

    private static List<List<String>> permissionsAllowed(AnnotationInstance annotation) {
        if (annotation == null) {
            return List.of();
        }
        List<String> values = List.of(annotation.value().asStringArray());
        AnnotationValue inclusive = annotation.value("inclusive");
        if (inclusive != null && inclusive.asBoolean()) {
            return List.of(values);
        }
        return values.stream().map(List::of).toList();
    }
}
