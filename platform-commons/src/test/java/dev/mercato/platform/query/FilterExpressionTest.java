package dev.mercato.platform.query;

import static dev.mercato.platform.query.QueryFixtures.CLOCK;
import static dev.mercato.platform.query.QueryFixtures.params;
import static dev.mercato.platform.query.QueryFixtures.parse;
import static dev.mercato.platform.query.QueryFixtures.queryString;
import static dev.mercato.platform.query.QueryFixtures.rejected;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import dev.mercato.platform.api.ApiException;
import dev.mercato.platform.api.FieldError;
import dev.mercato.platform.query.QueryFixtures.AccountStatus;

class FilterExpressionTest {

    @Test
    void translatesSpecExample() {
        ListQuery q = parse("filter", "$eq(status,'ACTIVE')-and-$gteq(createdAt,$date_add($date_now(),-30,'day'))");
        assertThat(q.where()).isEqualTo("status = :p0 and createdAt >= :p1");
        assertThat(q.parameters()).containsExactly(
                entry("p0", AccountStatus.ACTIVE),
                entry("p1", Instant.parse("2026-02-13T12:00:00Z")));
    }

    @Test
    void translatesSpecExampleFromRawQueryString() {
        ListQuery q = ListQuery.parse(queryString(
                "filter=%24eq(status%2C'ACTIVE')-and-%24gteq(createdAt%2C%24date_add(%24date_now()%2C-30%2C'day'))"),
                QueryFixtures.FIELDS, QueryFixtures.CONTEXT);
        assertThat(q.where()).isEqualTo("status = :p0 and createdAt >= :p1");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"$eq, =", "$neq, <>", "$gt, >", "$gteq, >=", "$lt, <", "$lteq, <=", "$EQ, ="})
    void writesEachComparisonFunction(String function, String hql) {
        ListQuery q = parse("filter", function + "(seats,5)");
        assertThat(q.where()).isEqualTo("seats " + hql + " :p0");
        assertThat(q.parameters()).containsExactly(entry("p0", 5));
    }

    @Test
    void writesLikeIgnoringCase() {
        ListQuery q = parse("filter", "$like(name,'%customer%')");
        assertThat(q.where()).isEqualTo("lower(name) like lower(:p0)");
        assertThat(q.parameters()).containsExactly(entry("p0", "%customer%"));
    }

    @Test
    void writesLikeOnEnumAsInOverMatchingConstants() {
        ListQuery q = parse("filter", "$like(status,'pending%')");
        assertThat(q.where()).isEqualTo("status in (:p0)");
        assertThat(q.parameters()).containsExactly(entry("p0", AccountStatus.PENDING_REVIEW));
    }

    @Test
    void writesInWithOneParameterPerValue() {
        ListQuery q = parse("filter", "$in(status,'active','inactive')");
        assertThat(q.where()).isEqualTo("status in (:p0, :p1)");
        assertThat(q.parameters()).containsExactly(
                entry("p0", AccountStatus.ACTIVE), entry("p1", AccountStatus.INACTIVE));
    }

    @Test
    void writesNullComparisonsAsIsNull() {
        assertThat(parse("filter", "$eq(name,null)").where()).isEqualTo("name is null");
        assertThat(parse("filter", "$neq(startDate,NULL)").where()).isEqualTo("startDate is not null");
        assertThat(parse("filter", "$eq(name,null)").parameters()).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"$gt(seats,null)", "$like(name,null)", "$in(name,'a',null)"})
    void rejectsNullWithOtherComparisons(String filter) {
        assertThat(rejected("filter", filter).getMessage()).contains("null can only be compared with $eq or $neq");
    }

    @Test
    void bindsAndTighterThanOr() {
        ListQuery q = parse("filter", "$eq(name,'a')-or-$eq(seats,1)-and-$eq(active,true)");
        assertThat(q.where()).isEqualTo("(name = :p0 or (seats = :p1 and active = :p2))");
        assertThat(q.parameters()).containsExactly(entry("p0", "a"), entry("p1", 1), entry("p2", true));
    }

    @Test
    void groupsWithParentheses() {
        ListQuery q = parse("filter", "($eq(name,'a') -OR- $eq(name,'b'))-AND-$eq(seats,3)");
        assertThat(q.where()).isEqualTo("(name = :p0 or name = :p1) and seats = :p2");
    }

    @Test
    void nestsGroupsSeveralLevelsDeep() {
        ListQuery q = parse("filter", "((($eq(name,'a')-or-($eq(name,'b')-and-$eq(seats,1)))))");
        assertThat(q.where()).isEqualTo("(name = :p0 or (name = :p1 and seats = :p2))");
    }

    @Test
    void combinesWithPlainFiltersUsingAnd() {
        ListQuery q = parse("status", "active", "filter", "$eq(name,'a')-or-$eq(name,'b')");
        assertThat(q.where()).isEqualTo("status = :p0 and (name = :p1 or name = :p2)");
    }

    @Test
    void combinesSeveralFilterParametersUsingAnd() {
        ListQuery q = parse("filter", "$eq(name,'a')", "filter", "$gt(seats,2)");
        assertThat(q.where()).isEqualTo("name = :p0 and seats > :p1");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
            "'it''s'         | it's",
            "'it\\'s'        | it's",
            "'back\\\\slash' | back\\slash",
            "'a\\nb'         | a\\nb",
            "'-and- $eq(x)'  | -and- $eq(x)",
            "''              | \"\""})
    void unescapesQuotedStrings(String literal, String expected) {
        ListQuery q = parse("filter", "$eq(name," + literal + ")");
        assertThat(q.parameters()).containsExactly(entry("p0", expected));
    }

    @Test
    void convertsLiteralsToFieldTypes() {
        ListQuery q = parse("filter", "$eq(amount,12.50)-and-$eq(active,false)-and-$eq(startDate,'2026-01-31')"
                + "-and-$eq(name,110003114000)-and-$lt(createdAt,'2026-01-01T00:00:00Z')-and-$eq(seats,'7')");
        assertThat(q.parameters().values()).containsExactly(new BigDecimal("12.50"), false,
                LocalDate.of(2026, 1, 31), "110003114000", Instant.parse("2026-01-01T00:00:00Z"), 7);
    }

    @Test
    void resolvesMeToTheCaller() {
        ListQuery q = parse("filter", "$eq(owner,$me())");
        assertThat(q.where()).isEqualTo("ownerId = :p0");
        assertThat(q.parameters()).containsExactly(entry("p0", "usr_42"));
    }

    @Test
    void rejectsMeWithoutAuthenticatedCaller() {
        ApiException error = rejected(params("filter", "$eq(owner,$me())"), QueryContext.of(CLOCK));
        assertThat(error.getMessage()).contains("$me() needs an authenticated caller");
        assertThat(error.errors()).extracting(FieldError::field).containsExactly("filter");
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({
            "-30, day, 2026-02-13T12:00:00Z", "1, days, 2026-03-16T12:00:00Z", "2, week, 2026-03-29T12:00:00Z",
            "-1, month, 2026-02-15T12:00:00Z", "1, YEAR, 2027-03-15T12:00:00Z", "5, hour, 2026-03-15T17:00:00Z",
            "-90, minute, 2026-03-15T10:30:00Z", "0, day, 2026-03-15T12:00:00Z"})
    void addsEachUnitToDateNow(long amount, String unit, String expected) {
        ListQuery q = parse("filter", "$gteq(createdAt,$date_add($date_now()," + amount + ",'" + unit + "'))");
        assertThat(q.parameters()).containsExactly(entry("p0", Instant.parse(expected)));
    }

    @Test
    void nestsDateAdd() {
        ListQuery q = parse("filter", "$lt(createdAt,$date_add($date_add($date_now(),1,'month'),-1,'day'))");
        assertThat(q.parameters()).containsExactly(entry("p0", Instant.parse("2026-04-14T12:00:00Z")));
    }

    @Test
    void addsToQuotedDateClampingToMonthEnd() {
        ListQuery q = parse("filter", "$gteq(createdAt,$date_add('2026-01-31',1,'month'))");
        assertThat(q.parameters()).containsExactly(entry("p0", Instant.parse("2026-02-28T00:00:00Z")));
    }

    @Test
    void usesUtcDayOfDateNowForDateFields() {
        ListQuery q = parse("filter", "$lteq(startDate,$date_now())");
        assertThat(q.parameters()).containsExactly(entry("p0", LocalDate.of(2026, 3, 15)));
    }

    @Test
    void reportsPositionOfSyntaxError() {
        ApiException error = rejected("filter", "$eq(status'ACTIVE')");
        assertThat(error.getMessage()).isEqualTo("filter: expected ',' at position 11");
        assertThat(error.errors()).containsExactly(new FieldError("filter", "expected ',' at position 11"));
    }

    @Test
    void rejectsUnknownFieldInFilter() {
        ApiException error = rejected("filter", "$eq(password,'x')");
        assertThat(error.getMessage()).isEqualTo("filter: unknown filter field 'password' at position 5");
    }

    @Test
    void rejectsValueOfWrongTypeNamingTheField() {
        ApiException error = rejected("filter", "$gt(createdAt,'last week')");
        assertThat(error.errors()).singleElement().satisfies(e -> {
            assertThat(e.field()).isEqualTo("createdAt");
            assertThat(e.message()).contains("ISO-8601 instant");
        });
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "$eq(name,'a')-and-                  | expected a condition",
            "$eq(name,'a'                        | expected ')'",
            "$eq(name,'a',                       | expected ')'",
            "$eq(name,'a','b')                   | expected ')'",
            "$in(status)                         | expected ','",
            "$in(status,'ACTIVE'                 | expected ',' or ')'",
            "$eq(name,'abc                       | unterminated string",
            "$eq(name,abc)                       | expected a value",
            "$eq(name,$today())                  | $today is not a value",
            "$me()                               | $me is not a condition",
            "$between(seats,1,2)                 | $between is not a condition",
            "$eq(name,'a')$eq(name,'b')          | expected '-and-', '-or-' or the end",
            "$eq(name,'a')-xor-$eq(name,'b')     | expected '-and-', '-or-' or a number",
            "($eq(name,'a')                      | expected ')'",
            "$eq(name,'a'))                      | expected '-and-', '-or-' or the end",
            "$eq(amount,1.)                      | expected a digit",
            "$gt(createdAt,$date_add($date_now(),1.5,'day'))   | expected a whole number",
            "$gt(createdAt,$date_add($date_now(),1,'fortnight')) | unknown unit",
            "$gt(createdAt,$date_add(42,1,'day'))              | $date_add needs a date",
            "$gt(createdAt,$date_add($date_now(),9999999,'year')) | leaves the years 1 to 9999",
            "$eq(name,'a') ; drop table account  | unexpected character ';'"})
    void rejectsMalformedFilter(String filter, String message) {
        ApiException error = rejected("filter", filter.strip());
        assertThat(error.getMessage()).startsWith("filter: ").contains(message).contains(" at position ");
        assertThat(error.errors()).extracting(FieldError::field).containsExactly("filter");
    }

    @Test
    void rejectsFilterLongerThanTwoThousandCharacters() {
        String filter = "$eq(name,'" + "x".repeat(1990) + "')";
        assertThat(filter.length()).isGreaterThan(2000);
        assertThat(rejected("filter", filter).getMessage()).isEqualTo("filter: longer than 2000 characters");
    }

    @Test
    void acceptsFiftyConditionsButNotFiftyOne() {
        String fifty = String.join("-or-", java.util.Collections.nCopies(50, "$eq(seats,1)"));
        assertThat(parse("filter", fifty).parameters()).hasSize(50);
        assertThat(rejected("filter", fifty + "-or-$eq(seats,1)").getMessage()).contains("more than 50 conditions");
    }

    @Test
    void countsConditionsOfBothStylesTogether() {
        String thirty = String.join("-or-", java.util.Collections.nCopies(30, "$eq(seats,1)"));
        assertThat(rejected("filter", thirty, "filter", thirty).getMessage()).contains("too many filter conditions");
    }

    @Test
    void rejectsInWithMoreThanOneHundredValues() {
        assertThat(parse("filter", "$in(seats" + ",1".repeat(100) + ")").parameters()).hasSize(100);
        assertThat(rejected("filter", "$in(seats" + ",1".repeat(101) + ")").getMessage())
                .contains("at most 100 values");
    }

    @Test
    void acceptsTenLevelsOfNestingButNotEleven() {
        assertThat(parse("filter", "(".repeat(9) + "$eq(name,'a')" + ")".repeat(9)).where()).isEqualTo("name = :p0");
        assertThat(rejected("filter", "(".repeat(10) + "$eq(name,'a')" + ")".repeat(10)).getMessage())
                .contains("nested deeper than 10 levels");
    }
}
