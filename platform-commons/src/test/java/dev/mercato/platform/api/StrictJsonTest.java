package dev.mercato.platform.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import jakarta.ws.rs.core.Response;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/** What a client is told when {@link StrictJson} refuses its body, as {@link ApiExceptionMappers} answers it. */
class StrictJsonTest {

    record Login(String email, String password) {
    }

    record Branding(String displayName) {
    }

    record Settings(Branding branding, Integer seats, Boolean active, BigDecimal amount, List<String> scopes,
            Map<String, Object> metadata, Status status) {
    }

    enum Status { ACTIVE, SUSPENDED }

    private final ObjectMapper json = strict();

    private static ObjectMapper strict() {
        ObjectMapper mapper = new ObjectMapper();
        new StrictJson().customize(mapper);
        return mapper;
    }

    @Test
    void namesADuplicatedKeyAtTheTopAndInsideAnObject() {
        assertThat(refusal(Login.class, "{\"email\":\"a@example.com\",\"password\":\"x\",\"password\":\"y\"}"))
                .isEqualTo(new ApiError(400, "Request body has a duplicate key",
                        List.of(new FieldError("password", "is given more than once"))));
        assertThat(refusal(Settings.class, "{\"branding\": {\"displayName\": \"a\", \"displayName\": \"b\"}}").errors())
                .containsExactly(new FieldError("branding.displayName", "is given more than once"));
        assertThat(refusal(Settings.class, "{\"metadata\": {\"k\": 1, \"k\": 2}}").errors())
                .containsExactly(new FieldError("metadata.k", "is given more than once"));
    }

    @Test
    void refusesCoercedScalarsNamingTheFieldAndWhatItMustBe() {
        assertThat(refusal(Login.class, "{\"email\": \"a@example.com\", \"password\": 12345}").errors())
                .containsExactly(new FieldError("password", "must be a string"));
        assertThat(refusal(Login.class, "{\"email\": true, \"password\": \"x\"}").errors())
                .containsExactly(new FieldError("email", "must be a string"));
        assertThat(refusal(Settings.class, "{\"seats\": \"5\"}").errors())
                .containsExactly(new FieldError("seats", "must be a whole number"));
        assertThat(refusal(Settings.class, "{\"seats\": 5.5}").errors())
                .containsExactly(new FieldError("seats", "must be a whole number"));
        assertThat(refusal(Settings.class, "{\"active\": \"true\"}").errors())
                .containsExactly(new FieldError("active", "must be true or false"));
        assertThat(refusal(Settings.class, "{\"active\": 1}").errors())
                .containsExactly(new FieldError("active", "must be true or false"));
        assertThat(refusal(Settings.class, "{\"status\": 0}").errors())
                .containsExactly(new FieldError("status", "must be one of ACTIVE, SUSPENDED"));
        assertThat(refusal(Settings.class, "{\"scopes\": [\"a\", 7]}").errors())
                .containsExactly(new FieldError("scopes[1]", "must be a string"));
        assertThat(refusal(Settings.class, "{\"unknown\": 1}").errors())
                .containsExactly(new FieldError("unknown", "is not a known field"));
    }

    @Test
    void refusesNulInAnyStringButKeepsOtherControlCharacters() throws Exception {
        assertThat(refusal(Login.class, "{\"email\": \"a\\u0000b\", \"password\": \"x\"}").errors())
                .containsExactly(new FieldError("email", "must not contain the NUL character (U+0000)"));
        assertThat(refusal(Settings.class, "{\"metadata\": {\"k\": \"a\\u0000\"}}").errors())
                .containsExactly(new FieldError("metadata.k", "must not contain the NUL character (U+0000)"));
        assertThat(json.readValue("{\"email\": \"a\\tb\\n\", \"password\": \"x\"}", Login.class).email()).isEqualTo("a\tb\n");
    }

    @Test
    void refusesTrailingContentAfterTheDocument() {
        for (String trailing : List.of(" {}", "]", " null", "x")) {
            assertThat(refusal(Login.class, "{\"email\": \"a\", \"password\": \"x\"}" + trailing).code()).isEqualTo(400);
        }
    }

    @Test
    void acceptsWhatIsWellTyped() throws Exception {
        Settings settings = json.readValue("""
                {"branding": {"displayName": "a"}, "seats": 5, "active": true, "amount": "12.50", "scopes": ["a"],
                 "metadata": {"seats": 3, "tier": "gold", "trial": false, "note": null}, "status": "ACTIVE"}""",
                Settings.class);
        assertThat(settings.amount()).isEqualByComparingTo("12.50");
        assertThat(json.readValue("{\"amount\": 12.5}", Settings.class).amount()).isEqualByComparingTo("12.5");
    }

    private ApiError refusal(Class<?> type, String body) {
        // bytes, as REST hands a body to Jackson
        Throwable failure = catchThrowable(() -> json.readerFor(type)
                .readValue(new java.io.ByteArrayInputStream(body.getBytes(java.nio.charset.StandardCharsets.UTF_8))));
        assertThat(failure).as("refused: " + body).isInstanceOf(JsonProcessingException.class);
        ApiExceptionMappers mappers = new ApiExceptionMappers();
        Response response = failure instanceof JsonMappingException mapping
                ? mappers.jsonMapping(mapping)
                : mappers.jsonProcessing((JsonProcessingException) failure);
        return (ApiError) response.getEntity();
    }
}
