package dev.mercato.identity.audit;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The audit log. Environment: {@code MERCATO_IDENTITY_AUDIT_…}. */
@ConfigMapping(prefix = "mercato.identity.audit")
public interface AuditConfig {

    /** Events older than this are deleted (checked hourly). */
    @WithDefault("P90D")
    Duration retention();

    /** Most rows one group-commit insert writes; the rest wait for the next. */
    @WithDefault("1000")
    int maxBatch();

    /** Group-commit inserts in flight at once; 1 is the classic group commit, 2 also overlaps two commits. */
    @WithDefault("2")
    int maxInFlight();
}
