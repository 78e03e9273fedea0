package dev.mercato.platform.query;

/** The types a filterable field can have; each decides how values convert and which operators apply. */
public enum FieldType {
    STRING("text"),
    ENUMERATION("enum"),
    INSTANT("instant"),
    DATE("date"),
    DECIMAL("decimal"),
    INTEGER("integer"),
    BOOLEAN("boolean");

    private final String label;

    FieldType(String label) {
        this.label = label;
    }

    /** The type's name in error messages. */
    public String label() {
        return label;
    }

    boolean supports(Operator op) {
        return switch (this) {
            case STRING -> true;
            // Ordering enum constants means nothing to a caller (names or ordinals, depending on mapping).
            case ENUMERATION -> !op.isOrdering();
            case BOOLEAN -> op == Operator.EQ || op == Operator.NE || op == Operator.IN;
            case INSTANT, DATE, DECIMAL, INTEGER -> op != Operator.LIKE;
        };
    }
}
