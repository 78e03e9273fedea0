package dev.mercato.testkit;

import java.util.Arrays;
import java.util.List;

import dev.mercato.platform.id.Ids;

/**
 * An organization in a test's organization tree: its id, kind and path (docs/SECURITY.md), from
 * which tokens ({@link TestTokens}) and organization events are made.
 *
 * @param kind PLATFORM, DISTRIBUTOR, PARTNER, TENANT or VENDOR
 * @param path ids from the platform down to this one, '/'-separated
 */
public record TestOrganization(String id, String kind, String path) {

    /** A new platform: the root of a tree. */
    public static TestOrganization platform() {
        String id = Ids.next("org");
        return new TestOrganization(id, "PLATFORM", id);
    }

    /** A new organization of {@code kind} below this one. */
    public TestOrganization child(String kind) {
        return child(kind, Ids.next("org"));
    }

    /** The organization {@code id} of {@code kind} below this one. */
    public TestOrganization child(String kind, String id) {
        return new TestOrganization(id, kind, path + "/" + id);
    }

    /** The ids above this one, from the platform down to the parent. */
    public List<String> ancestry() {
        List<String> ids = Arrays.asList(path.split("/"));
        return List.copyOf(ids.subList(0, ids.size() - 1));
    }

    /** The parent's id, or null for a platform. */
    public String parentId() {
        List<String> ancestry = ancestry();
        return ancestry.isEmpty() ? null : ancestry.get(ancestry.size() - 1);
    }

    /** Whether this organization sees what the organization at {@code ownerPath} owns: its own or a descendant's. */
    public boolean sees(String ownerPath) {
        return ownerPath.equals(path) || ownerPath.startsWith(path + "/");
    }
}
