package dev.mercato.platform.query;

import static dev.mercato.platform.query.QueryFixtures.parse;
import static dev.mercato.platform.query.QueryFixtures.rejected;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import dev.mercato.platform.api.ApiException;
import dev.mercato.platform.api.FieldError;
import dev.mercato.platform.api.Pagination;

class ListQueryPaginationTest {

    @Test
    void usesFirstPageOfTwentyByDefault() {
        ListQuery q = parse();
        assertThat(q.offset()).isZero();
        assertThat(q.limit()).isEqualTo(20);
    }

    @Test
    void turnsPageIntoOffset() {
        ListQuery q = parse("page", "3", "limit", "10");
        assertThat(q.offset()).isEqualTo(20);
        assertThat(q.limit()).isEqualTo(10);
    }

    @Test
    void takesOffsetAsGiven() {
        ListQuery q = parse("offset", "11", "limit", "20");
        assertThat(q.offset()).isEqualTo(11);
        assertThat(q.limit()).isEqualTo(20);
    }

    @Test
    void acceptsExplicitPlusSignAndSurroundingSpace() {
        ListQuery q = parse("page", "+2", "limit", " 10 ");
        assertThat(q.offset()).isEqualTo(10);
    }

    @Test
    void acceptsLimitOfOneHundred() {
        assertThat(parse("limit", "100").limit()).isEqualTo(100);
    }

    @Test
    void ignoresBlankPagingParameters() {
        ListQuery q = parse("page", "", "limit", " ");
        assertThat(q.offset()).isZero();
        assertThat(q.limit()).isEqualTo(20);
    }

    @Test
    void buildsPaginationOfResponse() {
        assertThat(parse("page", "3", "limit", "10").pagination(95))
                .isEqualTo(new Pagination(3, 10, 20, 95, 10));
    }

    @Test
    void rejectsPageTogetherWithOffset() {
        ApiException error = rejected("page", "2", "offset", "10");
        assertThat(error.errors()).extracting(FieldError::field).containsExactly("page");
        assertThat(error.getMessage()).contains("page and offset");
    }

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource({
            "page, 0", "page, -1", "page, abc", "page, 1.5", "page, 99999999999999999999", "page, 2000000000",
            "limit, 0", "limit, 101", "limit, -5", "limit, ten", "limit, 1e2",
            "offset, -1", "offset, abc", "offset, 1000000001", "offset, 0x10"})
    void rejectsPagingValueOutOfRangeNamingTheParameter(String name, String value) {
        ApiException error = rejected(name, value);
        assertThat(error.errors()).extracting(FieldError::field).containsExactly(name);
        assertThat(error.getMessage()).startsWith(name);
    }

    @Test
    void rejectsRepeatedLimit() {
        ApiException error = rejected("limit", "10", "limit", "20");
        assertThat(error.errors()).extracting(FieldError::field).containsExactly("limit");
    }
}
