package io.tidemark.app.graphql;

import static org.assertj.core.api.Assertions.assertThat;

import io.tidemark.core.model.InvalidInputException;
import io.tidemark.core.port.in.SourceUnavailableException;
import io.tidemark.core.port.in.SourceUnavailableException.Problem;
import java.time.Instant;
import java.util.NoSuchElementException;
import org.junit.jupiter.api.Test;

class ErrorTranslatorTest {

    @Test
    void everyExceptionBecomesAnApiErrorWithItsCode() {
        assertThat(ErrorTranslator.translate(new InvalidInputException("first", "first is bad"), "q"))
                .isInstanceOf(ApiError.InvalidArgument.class).hasMessage("first is bad");
        assertThat(ErrorTranslator.translate(
                        new SourceUnavailableException(Problem.RATE_LIMITED, "x", Instant.parse("2024-01-01T10:00:00Z")), "q"))
                .isInstanceOf(ApiError.RateLimited.class)
                .hasMessage("GitHub's rate limit is spent until 2024-01-01T10:00:00Z");
        assertThat(ErrorTranslator.translate(new SourceUnavailableException(Problem.NOT_FOUND, "no such owner", null), "q"))
                .isInstanceOf(ApiError.NotFound.class);
        assertThat(ErrorTranslator.translate(new NoSuchElementException("a/b is not tracked"), "q"))
                .isInstanceOf(ApiError.NotFound.class).hasMessage("a/b is not tracked");
        assertThat(ErrorTranslator.translate(new SourceUnavailableException(Problem.NOT_PERMITTED, "push access", null), "q"))
                .isInstanceOf(ApiError.NotPermitted.class);
        assertThat(ErrorTranslator.translate(new SourceUnavailableException(Problem.UPSTREAM_ERROR, "HTTP 502", null), "q"))
                .isInstanceOf(ApiError.Upstream.class).hasMessageContaining("HTTP 502");
        assertThat(ErrorTranslator.translate(new SourceUnavailableException(Problem.BAD_CREDENTIALS, "HTTP 401", null), "q"))
                .isInstanceOf(ApiError.Upstream.class).hasMessageContaining("rejected the configured token");
        ApiError forbidden = new ApiError.Forbidden("admin only");
        assertThat(ErrorTranslator.translate(forbidden, "q")).isSameAs(forbidden);
    }

    @Test
    void anUnexpectedExceptionIsInternalAndSaysNothingOfItself() {
        ApiError error = ErrorTranslator.translate(
                new IllegalStateException("connection to jdbc:postgresql://db/secret refused"), "repository");

        assertThat(error).isInstanceOf(ApiError.Internal.class)
                .hasMessage("internal error; the server log has the details")
                .hasNoCause();
    }
}
