package dev.mercato.catalog.plan;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** A plan as loaded in one session: the row, its versions in order, and each version's prices in order. */
record StoredPlan(Plan plan, List<StoredVersion> versions) {

    static StoredPlan of(Plan plan, List<PlanVersion> versions, List<PlanPrice> prices) {
        Map<String, List<PlanPrice>> byVersion = prices.stream().collect(Collectors.groupingBy(price -> price.versionId));
        return new StoredPlan(plan, versions.stream()
                .map(version -> new StoredVersion(version, byVersion.getOrDefault(version.id, List.of())))
                .toList());
    }

    /** One version and its prices. */
    record StoredVersion(PlanVersion version, List<PlanPrice> prices) {
    }
}
