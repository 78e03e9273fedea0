package dev.mercato.platform.api;

/**
 * The {@code pagination} object of a list response. {@code page} is 1-based; {@code offset} is the
 * number of rows skipped, so callers using either style can go on from here.
 */
public record Pagination(int page, int limit, long offset, long total, long pages) {

    public static Pagination of(long offset, int limit, long total) {
        long pages = total == 0 ? 0 : (total + limit - 1) / limit;
        int page = (int) Math.min(Integer.MAX_VALUE, offset / limit + 1);
        return new Pagination(page, limit, offset, total, pages);
    }
}
