/**
 * Turns the query parameters of a list request (pagination, sorting, plain filters such as
 * {@code createdAt[gte]=2026-01-01} and the {@code filter=$eq(status,'ACTIVE')} expression language)
 * into a parameterised HQL condition, a Panache {@code Sort} and an offset/limit, over a
 * per-resource whitelist of fields ({@link dev.mercato.platform.query.QueryFields}).
 *
 * <p>Entry point: {@link dev.mercato.platform.query.ListQuery#parse}. Input never reaches the HQL
 * text: values become named parameters, and only attribute paths declared in code are written.
 * Every problem with the input is an {@link dev.mercato.platform.api.ApiException} with status 400.
 */
package dev.mercato.platform.query;
