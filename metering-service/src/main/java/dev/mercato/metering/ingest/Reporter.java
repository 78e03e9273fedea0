package dev.mercato.metering.ingest;

/** The organization reporting usage, from its verified token: its id, kind and path in the tree. */
record Reporter(String organizationId, String kind, String path) {

    /** Whether it may report usage of a listing of the vendor at {@code vendorPath}: its own, or as the platform above it. */
    boolean mayReportFor(String vendorId, String vendorPath) {
        return organizationId.equals(vendorId) || "PLATFORM".equals(kind)
                || vendorPath != null && vendorPath.startsWith(path + "/");
    }
}
