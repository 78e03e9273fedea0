package dev.mercato.platform.query;

import static dev.mercato.platform.query.QueryFixtures.CONTEXT;
import static dev.mercato.platform.query.QueryFixtures.FIELDS;
import static dev.mercato.platform.query.QueryFixtures.params;
import static dev.mercato.platform.query.QueryFixtures.parse;
import static dev.mercato.platform.query.QueryFixtures.queryString;
import static dev.mercato.platform.query.QueryFixtures.rejected;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

import dev.mercato.platform.api.ApiException;
import dev.mercato.platform.api.FieldError;
import dev.mercato.platform.query.QueryFixtures.AccountStatus;

class PlainFilterTest {

    @Test
    void hasNoConditionWithoutFilters() {
        ListQuery q = parse("page", "2", "sort", "name");
        assertThat(q.where()).isEmpty();
        assertThat(q.parameters()).isEmpty();
    }

    @Test
    void comparesEqualWithoutOperatorAndMatchesEnumIgnoringCase() {
        ListQuery q = parse("status", "active");
        assertThat(q.where()).isEqualTo("status = :p0");
        assertThat(q.parameters()).containsExactly(entry("p0", AccountStatus.ACTIVE));
    }

    @ParameterizedTest(name = "seats[{0}] -> {1}")
    @CsvSource({"eq, =", "ne, <>", "gt, >", "gte, >=", "lt, <", "lte, <=", "GTE, >="})
    void writesEachComparisonOperator(String op, String hql) {
        ListQuery q = parse("seats[" + op + "]", "5");
        assertThat(q.where()).isEqualTo("seats " + hql + " :p0");
        assertThat(q.parameters()).containsExactly(entry("p0", 5));
    }

    @Test
    void writesInWithOneParameterPerValue() {
        ListQuery q = parse("status[in]", "active,PENDING_review");
        assertThat(q.where()).isEqualTo("status in (:p0, :p1)");
        assertThat(q.parameters()).containsExactly(
                entry("p0", AccountStatus.ACTIVE), entry("p1", AccountStatus.PENDING_REVIEW));
    }

    @Test
    void writesLikeIgnoringCase() {
        ListQuery q = parse("name[like]", "%Acme_");
        assertThat(q.where()).isEqualTo("lower(name) like lower(:p0)");
        assertThat(q.parameters()).containsExactly(entry("p0", "%Acme_"));
    }

    @Test
    void matchesBackslashInLikePatternLiterally() {
        assertThat(parse("name[like]", "a\\b\\").parameters()).containsExactly(entry("p0", "a\\\\b\\\\"));
    }

    @Test
    void matchesLikeOnEnumAgainstConstantNames() {
        ListQuery q = parse("status[like]", "%act%");
        assertThat(q.where()).isEqualTo("status in (:p0, :p1)");
        assertThat(q.parameters()).containsValues(AccountStatus.ACTIVE, AccountStatus.INACTIVE);
    }

    @Test
    void matchesNothingWhenLikePatternFitsNoEnumConstant() {
        assertThat(parse("status[like]", "%deleted%").where()).isEqualTo("1 = 0");
    }

    @Test
    void joinsSeveralParametersWithAnd() {
        ListQuery q = parse("status", "active", "createdAt[gte]", "2026-01-01", "createdAt[lte]", "2026-12-31");
        assertThat(q.where()).isEqualTo("createdAt >= :p0 and createdAt <= :p1 and status = :p2");
        assertThat(q.parameters()).containsExactly(
                entry("p0", Instant.parse("2026-01-01T00:00:00Z")),
                entry("p1", Instant.parse("2026-12-31T00:00:00Z")),
                entry("p2", AccountStatus.ACTIVE));
    }

    @Test
    void joinsSeveralValuesOfOneParameterWithAnd() {
        ListQuery q = parse("seats[gte]", "2", "seats[gte]", "4");
        assertThat(q.where()).isEqualTo("seats >= :p0 and seats >= :p1");
    }

    static Stream<Arguments> validValues() {
        return Stream.of(
                Arguments.of("name", "Acme GmbH", "Acme GmbH"),
                Arguments.of("status", "pending_review", AccountStatus.PENDING_REVIEW),
                Arguments.of("createdAt", "2026-01-01", Instant.parse("2026-01-01T00:00:00Z")),
                Arguments.of("createdAt", "2026-01-01T10:15:30Z", Instant.parse("2026-01-01T10:15:30Z")),
                Arguments.of("createdAt", "2026-01-01T10:15:30.5+02:00", Instant.parse("2026-01-01T08:15:30.5Z")),
                Arguments.of("createdAt", "2026-01-01T10:15:30 02:00", Instant.parse("2026-01-01T08:15:30Z")),
                Arguments.of("createdAt", "2026-01-01T10:15:30", Instant.parse("2026-01-01T10:15:30Z")),
                Arguments.of("startDate", "2024-02-29", LocalDate.of(2024, 2, 29)),
                Arguments.of("amount", "12.50", new BigDecimal("12.50")),
                Arguments.of("amount", "-0.001", new BigDecimal("-0.001")),
                Arguments.of("seats", "42", 42),
                Arguments.of("seats", "2147483647", Integer.MAX_VALUE),
                Arguments.of("seats", "-2147483648", Integer.MIN_VALUE),
                Arguments.of("active", "TRUE", Boolean.TRUE),
                Arguments.of("active", "false", Boolean.FALSE));
    }

    @ParameterizedTest(name = "{0}={1}")
    @MethodSource("validValues")
    void convertsValueToFieldType(String field, String value, Object expected) {
        assertThat(parse(field, value).parameters()).containsExactly(entry("p0", expected));
    }

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource(delimiter = '|', value = {
            "status    | bogus          | one of ACTIVE, INACTIVE, PENDING_REVIEW",
            "createdAt | yesterday      | ISO-8601 instant",
            "createdAt | 2026-13-01     | ISO-8601 instant",
            "startDate | 2026-02-30     | a date (2026-01-01)",
            "startDate | 2026-01-01T00:00:00Z | a date (2026-01-01)",
            "amount    | 12,50          | a decimal number",
            "amount    | 1e3            | a decimal number",
            "seats     | 4.5            | a whole number",
            "seats     | 9223372036854775808 | a whole number",
            "seats     | 2147483648     | a whole number from -2147483648 to 2147483647",
            "seats     | -2147483649    | a whole number from -2147483648 to 2147483647",
            "active    | yes            | true or false"})
    void rejectsValueOfWrongTypeNamingFieldAndFormat(String field, String value, String expected) {
        ApiException error = rejected(field, value);
        assertThat(error.errors()).singleElement().satisfies(e -> {
            assertThat(e.field()).isEqualTo(field);
            assertThat(e.message()).contains(expected);
        });
        assertThat(error.getMessage()).contains("'" + field + "'");
    }

    @Test
    void rejectsUnknownFilterField() {
        ApiException error = rejected("password", "x");
        assertThat(error.getMessage()).isEqualTo("unknown filter field 'password'");
        assertThat(error.errors()).containsExactly(new FieldError("password", "unknown filter field 'password'"));
    }

    @Test
    void rejectsAttributePathUsedAsFilterField() {
        assertThat(rejected("ownerId", "usr_1").getMessage()).isEqualTo("unknown filter field 'ownerId'");
    }

    @Test
    void ignoresParametersTheResourceHandlesItself() {
        QueryContext context = CONTEXT.withExtraParameters("include", "customer");
        ListQuery q = ListQuery.parse(params("include", "contacts", "customer[id]", "cus_1", "name", "x"),
                FIELDS, context);
        assertThat(q.where()).isEqualTo("name = :p0");
    }

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource({"active[gt], true", "active[like], t%", "seats[like], 4%", "createdAt[like], 2026%",
            "status[lt], ACTIVE"})
    void rejectsOperatorThatDoesNotSuitFieldType(String key, String value) {
        ApiException error = rejected(key, value);
        assertThat(error.getMessage()).contains("is not supported for");
    }

    @Test
    void showsControlCharactersOfRejectedValueAsQuestionMarks() {
        ApiException error = rejected("name", "nul\u0000byte");
        assertThat(error.getMessage()).isEqualTo(
                "invalid value 'nul?byte' for 'name': expected text without NUL characters");
    }

    @Test
    void rejectsUnknownOperator() {
        ApiException error = rejected("name[contains]", "x");
        assertThat(error.getMessage()).contains("unknown filter operator 'contains'");
        assertThat(error.errors()).extracting(FieldError::field).containsExactly("name");
    }

    @Test
    void rejectsMalformedBracketSyntax() {
        assertThat(rejected("name[eq", "x").getMessage()).contains("malformed filter parameter");
        assertThat(rejected("name[eq][ne]", "x").getMessage()).contains("malformed filter parameter");
    }

    @Test
    void readsDecodedQueryString() {
        ListQuery q = ListQuery.parse(queryString("createdAt%5Bgte%5D=2026-01-01&name%5Blike%5D=%25shop%25"),
                FIELDS, CONTEXT);
        assertThat(q.where()).isEqualTo("createdAt >= :p0 and lower(name) like lower(:p1)");
        assertThat(q.parameters()).containsEntry("p1", "%shop%");
    }

    @Test
    void rejectsMoreThanFiftyConditions() {
        String[] pairs = new String[102];
        for (int i = 0; i < 51; i++) {
            pairs[2 * i] = "seats[ne]";
            pairs[2 * i + 1] = String.valueOf(i);
        }
        assertThat(rejected(pairs).getMessage()).contains("too many filter conditions");
    }

    @Test
    void rejectsInWithMoreThanOneHundredValues() {
        assertThat(rejected("seats[in]", "1,".repeat(100) + "1").getMessage()).contains("at most 100 values");
    }
}
