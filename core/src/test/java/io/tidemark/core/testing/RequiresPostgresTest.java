package io.tidemark.core.testing;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** When a missing PostgreSQL fails the build instead of skipping: whenever {@code CI} is set. */
class RequiresPostgresTest {

    @ParameterizedTest
    @ValueSource(strings = {"true", "TRUE", "True", "1", "yes", "github-actions", "woodpecker", " true "})
    void anyValueButAFalseOneMeansCi(String value) {
        assertThat(RequiresPostgres.isCi(value)).as("CI=%s", value).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "  ", "false", "FALSE", "False", "0", "no", "NO", " false "})
    void emptyFalseZeroAndNoMeanNotCi(String value) {
        assertThat(RequiresPostgres.isCi(value)).as("CI=%s", value).isFalse();
    }

    @Test
    void anUnsetVariableMeansNotCi() {
        assertThat(RequiresPostgres.isCi(null)).isFalse();
    }
}
