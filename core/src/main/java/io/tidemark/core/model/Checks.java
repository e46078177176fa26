package io.tidemark.core.model;

import java.util.Collection;
import java.util.List;

/** Argument checks that fail with an {@link InvalidInputException} naming the field. */
final class Checks {

    private Checks() {}

    static <T> T notNull(String field, T value) {
        if (value == null) {
            throw new InvalidInputException(field, field + " is required");
        }
        return value;
    }

    static int notNegative(String field, int value) {
        if (value < 0) {
            throw new InvalidInputException(field, field + " must not be negative, was " + value);
        }
        return value;
    }

    static String notBlank(String field, String value) {
        if (value == null || value.isBlank()) {
            throw new InvalidInputException(field, field + " is required");
        }
        return value;
    }

    static <T> List<T> noNullElements(String field, Collection<T> values) {
        notNull(field, values);
        int i = 0;
        for (T value : values) {
            if (value == null) {
                throw new InvalidInputException(field + "[" + i + "]", field + "[" + i + "] is required");
            }
            i++;
        }
        return List.copyOf(values);
    }
}
