package dev.mercato.platform.validation;

import java.util.Map;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;

import org.hibernate.validator.constraintvalidation.HibernateConstraintValidatorContext;

/** Checks a {@link Metadata} map; each problem is reported with the offending key in its message. */
public class MetadataValidator implements ConstraintValidator<Metadata, Map<String, ?>> {

    private static final int KEY_SHOWN = 40;

    private int maxKeys;
    private int maxKeyLength;
    private int maxValueLength;

    @Override
    public void initialize(Metadata annotation) {
        maxKeys = annotation.maxKeys();
        maxKeyLength = annotation.maxKeyLength();
        maxValueLength = annotation.maxValueLength();
    }

    @Override
    public boolean isValid(Map<String, ?> metadata, ConstraintValidatorContext context) {
        if (metadata == null) {
            return true;
        }
        if (metadata.size() > maxKeys) {
            return fail(context, "may hold at most " + maxKeys + " keys", null);
        }
        for (Map.Entry<String, ?> entry : metadata.entrySet()) {
            String key = entry.getKey();
            if (key == null || key.isBlank() || key.length() > maxKeyLength || hasControl(key)) {
                return fail(context, "key {key} must be 1 to " + maxKeyLength
                        + " characters without control characters", key);
            }
            Object value = entry.getValue();
            if (value instanceof CharSequence text) {
                if (text.length() > maxValueLength) {
                    return fail(context, "value of {key} must be at most " + maxValueLength + " characters", key);
                }
            } else if (value instanceof Double number && !Double.isFinite(number)
                    || value instanceof Float single && !Float.isFinite(single)) {
                return fail(context, "value of {key} must be a finite number", key);
            } else if (value != null && !(value instanceof Number) && !(value instanceof Boolean)) {
                return fail(context, "value of {key} must be a string, number, boolean or null", key);
            }
        }
        return true;
    }

    private static boolean hasControl(String text) {
        return text.chars().anyMatch(Character::isISOControl);
    }

    /** The key goes in as a message parameter, never into the template: it is the client's text. */
    private static boolean fail(ConstraintValidatorContext context, String template, String key) {
        context.disableDefaultConstraintViolation();
        HibernateConstraintValidatorContext hibernate = context.unwrap(HibernateConstraintValidatorContext.class);
        hibernate.addMessageParameter("key", "'" + shown(key) + "'");
        hibernate.buildConstraintViolationWithTemplate(template).addConstraintViolation();
        return false;
    }

    private static String shown(String key) {
        if (key == null) {
            return "";
        }
        String printable = key.codePoints().filter(c -> !Character.isISOControl(c))
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
        return printable.length() > KEY_SHOWN ? printable.substring(0, KEY_SHOWN) + "…" : printable;
    }
}
