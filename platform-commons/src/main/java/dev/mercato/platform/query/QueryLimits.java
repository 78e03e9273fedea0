package dev.mercato.platform.query;

/** The bounds that keep list queries cheap and abuse harmless, in one place. */
final class QueryLimits {

    static final int DEFAULT_LIMIT = 20;
    static final int MAX_LIMIT = 100;
    /** Keeps {@code offset + limit} inside an {@code int}, which Hibernate's first/max results need. */
    static final int MAX_OFFSET = 1_000_000_000;
    static final int MAX_FILTER_LENGTH = 2_000;
    /** Conditions of both filter styles together. */
    static final int MAX_CONDITIONS = 50;
    static final int MAX_DEPTH = 10;
    static final int MAX_IN_VALUES = 100;
    /** Fits PostgreSQL's {@code numeric} comfortably and keeps huge literals out of the database. */
    static final int MAX_DECIMAL_PRECISION = 38;

    private QueryLimits() {
    }
}
