package io.tidemark.app.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.tidemark.app.config.TidemarkConfig;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class ApiTokensTest {

    @Test
    void withoutAConfiguredAdminTokenOneIsGeneratedAndLoggedOnce() {
        List<String> lines = new ArrayList<>();
        Handler capture = capturing(lines);
        Logger logger = Logger.getLogger(ApiTokens.class.getName());
        logger.addHandler(capture);
        try {
            ApiTokens tokens = new ApiTokens(config(Optional.empty(), Optional.of(List.of("v1", "v2")), false));

            assertThat(lines).hasSize(1);
            Matcher token = Pattern.compile("admin token: (\\S+)").matcher(lines.get(0));
            assertThat(token.find()).isTrue();
            assertThat(tokens.roleOf(token.group(1))).contains(Role.ADMIN);
            assertThat(tokens.roleOf("v2")).contains(Role.VIEWER);
            assertThat(tokens.roleOf(token.group(1) + "x")).isEmpty();
            assertThat(tokens.roleOf("")).isEmpty();
            assertThat(tokens.anonymousRead()).isFalse();
        } finally {
            logger.removeHandler(capture);
        }
    }

    @Test
    void configuredTokensAreTheOnlyOnesAndAreNeverLogged() {
        List<String> lines = new ArrayList<>();
        Handler capture = capturing(lines);
        Logger logger = Logger.getLogger(ApiTokens.class.getName());
        logger.addHandler(capture);
        try {
            ApiTokens tokens = new ApiTokens(config(Optional.of(List.of("a1", " a2 ")), Optional.empty(), true));

            assertThat(lines).isEmpty();
            assertThat(tokens.roleOf("a1")).contains(Role.ADMIN);
            assertThat(tokens.roleOf("a2")).contains(Role.ADMIN);
            assertThat(tokens.roleOf("v1")).isEmpty();
            assertThat(tokens.anonymousRead()).isTrue();
        } finally {
            logger.removeHandler(capture);
        }
    }

    /** A handler adding each formatted log line to {@code lines}. */
    private static Handler capturing(List<String> lines) {
        return new Handler() {
            @Override
            public void publish(LogRecord record) {
                lines.add(record.getParameters() == null
                        ? record.getMessage()
                        : String.format(record.getMessage(), record.getParameters()));
            }

            @Override
            public void flush() {}

            @Override
            public void close() {}
        };
    }

    private static TidemarkConfig config(
            Optional<List<String>> admin, Optional<List<String>> viewer, boolean anonymousRead) {
        Map<String, Object> values = Map.of("adminToken", admin, "viewerToken", viewer, "anonymousRead", anonymousRead);
        return (TidemarkConfig) Proxy.newProxyInstance(
                TidemarkConfig.class.getClassLoader(),
                new Class<?>[] {TidemarkConfig.class},
                (proxy, method, args) -> {
                    if (!values.containsKey(method.getName())) {
                        throw new UnsupportedOperationException(method.getName());
                    }
                    return values.get(method.getName());
                });
    }
}
