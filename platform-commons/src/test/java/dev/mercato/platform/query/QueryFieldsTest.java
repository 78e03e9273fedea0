package dev.mercato.platform.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;

import dev.mercato.platform.query.QueryFixtures.AccountStatus;

class QueryFieldsTest {

    @Test
    void keepsDeclaredFieldsInOrder() {
        QueryFields fields = QueryFields.builder()
                .string("name", "name")
                .enumeration("status", "status", AccountStatus.class)
                .build();
        assertThat(fields.all()).extracting(QueryField::name).containsExactly("name", "status");
        assertThat(fields.field("status")).get().extracting(QueryField::type).isEqualTo(FieldType.ENUMERATION);
        assertThat(fields.field("nope")).isEmpty();
    }

    @Test
    void usesIdAsTieBreakerUnlessTold() {
        assertThat(QueryFields.builder().build().tieBreaker()).isEqualTo("id");
        assertThat(QueryFields.builder().tieBreaker("uuid").build().tieBreaker()).isEqualTo("uuid");
    }

    @Test
    void rejectsReservedFieldName() {
        assertThatIllegalArgumentException().isThrownBy(() -> QueryFields.builder().string("sort", "sort"));
    }

    @Test
    void rejectsFieldDeclaredTwice() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> QueryFields.builder().string("name", "name").integer("name", "count"));
    }

    @Test
    void rejectsAttributePathThatIsNotAnIdentifier() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> QueryFields.builder().string("name", "name) or (1=1"));
        assertThatIllegalArgumentException().isThrownBy(() -> QueryFields.builder().tieBreaker("id desc"));
    }

    @Test
    void rejectsDefaultSortOnUnknownField() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> QueryFields.builder().string("name", "name").defaultSort("-createdAt").build())
                .withMessageContaining("unknown sort field 'createdAt'");
    }
}
