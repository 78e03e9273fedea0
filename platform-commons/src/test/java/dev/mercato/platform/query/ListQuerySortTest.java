package dev.mercato.platform.query;

import static dev.mercato.platform.query.QueryFixtures.CONTEXT;
import static dev.mercato.platform.query.QueryFixtures.FIELDS;
import static dev.mercato.platform.query.QueryFixtures.parse;
import static dev.mercato.platform.query.QueryFixtures.queryString;
import static dev.mercato.platform.query.QueryFixtures.rejected;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dev.mercato.platform.api.ApiException;
import dev.mercato.platform.api.FieldError;
import io.quarkus.panache.common.Sort;
import io.quarkus.panache.common.Sort.Direction;

class ListQuerySortTest {

    @Test
    void usesDefaultSortThenTieBreakerWhenNoneGiven() {
        assertThat(columns(parse().sort())).containsExactly("createdAt Descending", "id Ascending");
    }

    @Test
    void parsesDirectionsAndMapsApiNamesToAttributes() {
        ListQuery q = parse("sort", "-createdAt,name,+postal");
        assertThat(q.orderBy()).containsExactly(
                new SortKey("createdAt", true),
                new SortKey("name", false),
                new SortKey("address.postalCode", false),
                new SortKey("id", false));
        assertThat(columns(q.sort())).containsExactly(
                "createdAt Descending", "name Ascending", "address.postalCode Ascending", "id Ascending");
    }

    @Test
    void readsPlusThatUrlDecodingTurnedIntoSpaceAsAscending() {
        ListQuery q = ListQuery.parse(queryString("sort=+name,-seats"), FIELDS, CONTEXT);
        assertThat(q.orderBy()).containsExactly(
                new SortKey("name", false), new SortKey("seats", true), new SortKey("id", false));
        ListQuery encoded = ListQuery.parse(queryString("sort=%2Bname"), FIELDS, CONTEXT);
        assertThat(encoded.orderBy()).startsWith(new SortKey("name", false));
    }

    @Test
    void readsSeveralSortParametersAsOneList() {
        assertThat(parse("sort", "name", "sort", "-seats").orderBy()).containsExactly(
                new SortKey("name", false), new SortKey("seats", true), new SortKey("id", false));
    }

    @Test
    void doesNotAppendTieBreakerAlreadyInTheOrder() {
        QueryFields fields = QueryFields.builder().string("id", "id").string("name", "name").build();
        ListQuery q = ListQuery.parse(QueryFixtures.params("sort", "-id"), fields, CONTEXT);
        assertThat(q.orderBy()).containsExactly(new SortKey("id", true));
    }

    @Test
    void rejectsUnknownSortField() {
        ApiException error = rejected("sort", "name,-password");
        assertThat(error.getMessage()).isEqualTo("unknown sort field 'password'");
        assertThat(error.errors()).extracting(FieldError::field).containsExactly("sort");
    }

    @Test
    void rejectsAttributePathUsedAsSortField() {
        assertThat(rejected("sort", "ownerId").getMessage()).contains("unknown sort field 'ownerId'");
    }

    @Test
    void rejectsSortFieldGivenTwice() {
        assertThat(rejected("sort", "name,-name").getMessage()).contains("more than once");
    }

    @ParameterizedTest
    @ValueSource(strings = {"-", "+", "--name", "name desc", "name;drop table account", "-(select 1)"})
    void rejectsMalformedSortItem(String sort) {
        assertThat(rejected("sort", sort).errors()).extracting(FieldError::field).containsExactly("sort");
    }

    @Test
    void givesFreshSortOnEveryCall() {
        ListQuery q = parse("sort", "name");
        q.sort().and("injected");
        assertThat(columns(q.sort())).containsExactly("name Ascending", "id Ascending");
    }

    private static List<String> columns(Sort sort) {
        return sort.getColumns().stream()
                .map(c -> c.getName() + " " + (c.getDirection() == Direction.Descending ? "Descending" : "Ascending"))
                .toList();
    }
}
