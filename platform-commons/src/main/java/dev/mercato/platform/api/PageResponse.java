package dev.mercato.platform.api;

import java.util.List;

/** The envelope of a list: {@code {"code": 200, "data": […], "pagination": {…}}}. */
public record PageResponse<T>(int code, List<T> data, Pagination pagination) {

    public static <T> PageResponse<T> of(List<T> data, Pagination pagination) {
        return new PageResponse<>(200, data, pagination);
    }
}
