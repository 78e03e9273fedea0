package dev.mercato.platform.query;

import static dev.mercato.platform.query.QueryFixtures.CLOCK;
import static dev.mercato.platform.query.QueryFixtures.CONTEXT;
import static dev.mercato.platform.query.QueryFixtures.FIELDS;
import static dev.mercato.platform.query.QueryFixtures.params;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import dev.mercato.platform.api.ApiException;

/**
 * Feeds garbage and attacks to the parser. Each input must end either in a clean 400 or in a
 * where-clause whose text holds nothing but whitelisted attribute paths, HQL keywords and
 * parameter references — never a fragment of the input.
 */
class HostileInputTest {

    private static final Set<String> HQL_WORDS = Set.of(
            "and", "or", "in", "like", "lower", "is", "not", "null", "=", "<>", ">", ">=", "<", "<=", "1", "0", ",");
    private static final Pattern PARAMETER = Pattern.compile(":(p[0-9]+)");

    static Stream<Arguments> hostileInputs() {
        String deepGroups = "(".repeat(5000) + "$eq(name,'a')" + ")".repeat(5000);
        String deepDates = "$gt(createdAt," + "$date_add(".repeat(30) + "$date_now()" + ",1,'day')".repeat(30) + ")";
        return Stream.of(
                // SQL and HQL injection through plain values, keys and the filter language
                in("name", "x' or '1'='1"),
                in("name[eq]", "x'; drop table account; --"),
                in("name", "x\" or 1=1 --"),
                in("name[like]", "%' or lower(name) like '%"),
                in("status", "ACTIVE' or '1'='1"),
                in("name or 1=1", "x"),
                in("name[eq) or (1=1]", "x"),
                in("filter", "$eq(name);drop table account"),
                in("filter", "$eq(name,'x');drop table account"),
                in("filter", "$eq(name,'x' or '1'='1')"),
                in("filter", "$eq(name,'x'' or ''1''=''1')"),
                in("filter", "$eq(name,'x\\') or 1=1 --')"),
                in("filter", "$eq(name or 1=1,'x')"),
                in("filter", "$eq(name,'a')-or-1=1"),
                in("filter", "$eq(ownerId,'x')"),
                in("filter", "$eq(name.class,'x')"),
                in("filter", "$eq(name,(select password from User))"),
                in("filter", "$eq(name,'a') union select * from User"),
                in("sort", "name;drop table account"),
                in("sort", "case when 1=1 then name end"),
                // broken structure
                in("filter", "((((($eq(name,'a')"),
                in("filter", "$eq(name,'a')))))"),
                in("filter", "("),
                in("filter", ")"),
                in("filter", "$"),
                in("filter", "-"),
                in("filter", "$eq(name,'unterminated"),
                in("filter", "$eq(name,'a')-and-"),
                in("filter", "-or-$eq(name,'a')"),
                in("filter", ",,,,"),
                in("filter", "$in(status,"),
                in("filter", deepGroups),
                in("filter", deepDates),
                in("filter", "$eq(name,'" + "x".repeat(5000) + "')"),
                in("filter", String.join("-and-", java.util.Collections.nCopies(500, "$eq(seats,1)"))),
                // the same abuse kept under the length limit, so that the depth and count limits answer
                in("filter", "(".repeat(900) + "$eq(name,'a')" + ")".repeat(900)),
                in("filter", String.join("-or-", java.util.Collections.nCopies(100, "$eq(seats,1)"))),
                in("filter", "$in(seats" + ",1".repeat(150) + ")"),
                in("filter", "$gt(createdAt," + "$date_add(".repeat(12) + "'2026-01-01'" + ",1,'day')".repeat(12) + ")"),
                // numbers and dates out of every range
                in("seats", "99999999999999999999999"),
                in("seats[in]", "1," + "9".repeat(400)),
                in("amount", "1e400"),
                in("amount", "1.0E+2147483647"),
                in("amount", "9".repeat(1000)),
                in("filter", "$eq(seats,99999999999999999999999999)"),
                in("filter", "$gt(amount,-" + "9".repeat(50) + ".1)"),
                in("createdAt[gte]", "+999999999-12-31T23:59:59Z"),
                in("createdAt", "-999999999-01-01"),
                in("startDate", "+10000-01-01"),
                in("filter", "$gteq(createdAt,$date_add($date_now(),9223372036854775807,'year'))"),
                in("filter", "$gteq(createdAt,$date_add($date_now(),-9223372036854775808,'minute'))"),
                in("filter", "$gteq(startDate,$date_add($date_now(),99999999999999999999,'day'))"),
                in("page", "99999999999999999999"),
                in("limit", "-2147483648"),
                in("offset", "NaN"),
                // unicode, control characters and odd encodings
                in("name", "名前' OR 1=1"),
                in("filter", "$eq(名前,'x')"),
                in("filter", "$eq(name,'😀')"),
                in("filter", "$eq(name,😀)"),
                in("filter", "$eq(name,'\uD800')"),
                in("name", "nul\u0000byte"),
                in("filter", "$eq(name,'a')\u0000"),
                in("filter", "$eq(name,'a')\u2028-or-$eq(name,'b')"),
                in("seats", "\u0664\u0662"),
                in("name[like]", "abc\\"),
                in("name[like]", "%".repeat(2000)),
                in("status[like]", "%".repeat(2000) + "_"),
                in("", "x"),
                in("[eq]", "x"),
                in("x".repeat(100_000), "x"),
                in("status[in]", ",".repeat(100_000)),
                in("filter", "$eq(createdAt,'2026-01-01T00:00:00+99:00')"),
                in("filter", "$eq(name,$me)"),
                in("filter", "$eq(name,$date_now)"),
                in("filter", "$EQ(NAME,'x')"));
    }

    private static Arguments in(String key, String value) {
        String shown = (key + "=" + value).replaceAll("\\p{Cntrl}", "?");
        return Arguments.of(shown.length() > 80 ? shown.substring(0, 80) + "…" : shown, params(key, value));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hostileInputs")
    void answersHostileInputWithCleanRejectionOrSafeParameterisedQuery(String shown,
            Map<String, List<String>> parameters) {
        assertCleanRejectionOrSafeQuery(parameters, CONTEXT);
        assertCleanRejectionOrSafeQuery(parameters, QueryContext.of(CLOCK));
    }

    @Test
    void answersNullAndEmptyParameterValuesWithoutFailing() {
        Map<String, List<String>> parameters = new HashMap<>();
        parameters.put("name", null);
        parameters.put("seats", new ArrayList<>(Arrays.asList((String) null)));
        parameters.put(null, List.of("x"));
        parameters.put("filter", List.of("", "   "));
        ListQuery q = ListQuery.parse(parameters, FIELDS, CONTEXT);
        assertThat(q.where()).isEmpty();
        assertThat(ListQuery.parse(null, FIELDS, CONTEXT).limit()).isEqualTo(20);
    }

    private static void assertCleanRejectionOrSafeQuery(Map<String, List<String>> parameters, QueryContext context) {
        Throwable thrown = catchThrowable(() -> {
            ListQuery q = ListQuery.parse(parameters, FIELDS, context);
            assertSafe(q);
        });
        if (thrown instanceof AssertionError failure) {
            throw failure;
        }
        if (thrown != null) {
            assertThat(thrown).isInstanceOf(ApiException.class);
            ApiException error = (ApiException) thrown;
            assertThat(error.status()).isEqualTo(400);
            assertThat(error.getMessage()).isNotBlank().hasSizeLessThan(400).doesNotContain("\u0000");
            assertThat(error.errors()).isNotEmpty();
        }
    }

    private static void assertSafe(ListQuery q) {
        Set<String> allowed = new HashSet<>(HQL_WORDS);
        FIELDS.all().forEach(field -> allowed.add(field.path()));
        Set<String> referenced = new HashSet<>();
        Matcher parameter = PARAMETER.matcher(q.where());
        while (parameter.find()) {
            referenced.add(parameter.group(1));
        }
        assertThat(referenced).isEqualTo(q.parameters().keySet());
        String words = PARAMETER.matcher(q.where()).replaceAll(" ").replaceAll("[(),]", " ").strip();
        if (!words.isEmpty()) {
            assertThat(words.split(" +")).allSatisfy(word -> assertThat(allowed).contains(word));
        }
        allowed.add(FIELDS.tieBreaker());
        assertThat(q.orderBy()).allSatisfy(key -> assertThat(allowed).contains(key.path()));
    }
}
