package dev.mercato.platform.api;

/** The success envelope of every Mercato API: {@code {"code": 200, "data": …}}. */
public record ApiResponse<T>(int code, T data) {

    public static <T> ApiResponse<T> ok(T data) {
        return new ApiResponse<>(200, data);
    }

    public static <T> ApiResponse<T> created(T data) {
        return new ApiResponse<>(201, data);
    }
}
