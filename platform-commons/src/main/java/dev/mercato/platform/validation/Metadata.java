package dev.mercato.platform.validation;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.ElementType.RECORD_COMPONENT;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;

/**
 * A free-form {@code metadata} object of an API request, bounded so that it cannot bloat rows, events
 * and every consumer's read model: at most {@link #maxKeys()} keys, each 1–{@link #maxKeyLength()}
 * characters without control characters, each value a string of at most {@link #maxValueLength()}
 * characters, a finite number, a boolean or null (no nested objects or arrays). Null passes (no metadata).
 *
 * <pre>{@code
 * record CreateThingRequest(@NotBlank String name, @Metadata Map<String, Object> metadata) { }
 * }</pre>
 */
@Documented
@Retention(RUNTIME)
@Target({ FIELD, METHOD, PARAMETER, RECORD_COMPONENT })
@Constraint(validatedBy = MetadataValidator.class)
public @interface Metadata {

    int DEFAULT_MAX_KEYS = 50;
    int DEFAULT_MAX_KEY_LENGTH = 40;
    int DEFAULT_MAX_VALUE_LENGTH = 500;

    int maxKeys() default DEFAULT_MAX_KEYS;

    int maxKeyLength() default DEFAULT_MAX_KEY_LENGTH;

    int maxValueLength() default DEFAULT_MAX_VALUE_LENGTH;

    String message() default "is not valid metadata";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
