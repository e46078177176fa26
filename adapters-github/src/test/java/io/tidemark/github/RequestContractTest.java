package io.tidemark.github;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.tidemark.core.model.Granularity;
import io.tidemark.core.model.RepositoryId;
import io.tidemark.core.model.TrafficKind;
import io.tidemark.github.StubGitHub.Reply;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Contract: every traffic request the adapter sends names a path template and only query
 * parameters (with allowed values) of GitHub's OpenAPI description. The repository listings are
 * not part of the traffic extract; they are checked against the two documented endpoints
 * ({@code repos/list-for-org}, {@code repos/list-for-user}) and their {@code per_page} and
 * {@code page} parameters.
 */
@QuarkusTest
class RequestContractTest {

    private static final OpenApiSpec SPEC = OpenApiSpec.load();
    private static final Map<Pattern, List<String>> LISTINGS = Map.of(
            Pattern.compile("/orgs/[^/]+/repos"), List.of("per_page", "page"),
            Pattern.compile("/users/[^/]+/repos"), List.of("per_page", "page"),
            Pattern.compile("/user/repos"), List.of("per_page", "page"));

    @Test
    void everyRequestTheAdapterSendsIsInTheSpec() {
        String traffic = "{\"count\":0,\"uniques\":0,\"views\":[],\"clones\":[]}";
        try (StubGitHub stub = new StubGitHub();
                GitHubTrafficSource source = new GitHubTrafficSource(
                        TestConfig.of(stub.baseUrl(), "contract-token"), Clock.systemUTC())) {
            for (String repo : List.of("octo/hello", "Mona-Lisa/dot.files_2")) {
                RepositoryId id = RepositoryId.parse(repo);
                stub.on("/repos/" + repo + "/traffic/views", Reply.ok(traffic));
                stub.on("/repos/" + repo + "/traffic/clones", Reply.ok(traffic));
                stub.on("/repos/" + repo + "/traffic/popular/referrers", Reply.ok("[]"));
                stub.on("/repos/" + repo + "/traffic/popular/paths", Reply.ok("[]"));
                for (TrafficKind kind : TrafficKind.values()) {
                    for (Granularity granularity : Granularity.values()) {
                        source.fetchWindow(id, kind, granularity);
                    }
                }
                source.fetchTopReferrers(id);
                source.fetchTopPaths(id);
            }
            stub.on("/orgs/octo/repos", request -> request.rawQuery().contains("page=2")
                    ? Reply.ok("[]")
                    : Reply.ok("[]").header("Link",
                            "<" + stub.baseUrl() + "/orgs/octo/repos?per_page=100&page=2>; rel=\"next\""));
            stub.on("/users/mona/repos", Reply.ok("[]"));
            stub.on("/user/repos", Reply.ok("[]"));
            source.listReadableRepositories("octo");
            source.listReadableRepositories("mona");

            List<StubGitHub.Recorded> requests = stub.requests();
            assertThat(requests).hasSize(2 * 6 + 2 + 3);
            for (StubGitHub.Recorded request : requests) {
                assertThat(request.method()).isEqualTo("GET");
                Map<String, String> query = query(request.rawQuery());
                Optional<OpenApiSpec.Operation> operation = SPEC.getOperations().stream()
                        .filter(o -> o.pattern().matcher(request.path()).matches())
                        .findFirst();
                if (operation.isPresent()) {
                    query.forEach((name, value) -> assertThat(operation.get().allows(name, value))
                            .as("%s?%s: parameter %s=%s of %s", request.path(), request.rawQuery(), name, value,
                                    operation.get().template())
                            .isTrue());
                } else {
                    List<String> parameters = LISTINGS.entrySet().stream()
                            .filter(e -> e.getKey().matcher(request.path()).matches())
                            .map(Map.Entry::getValue)
                            .findFirst()
                            .orElseThrow(() -> new AssertionError(request.path() + " is in no spec"));
                    assertThat(parameters).containsAll(query.keySet());
                    assertThat(query).containsEntry("per_page", "100");
                }
            }
            // every traffic operation of the spec is used
            assertThat(SPEC.getOperations()).allSatisfy(o -> assertThat(requests)
                    .anySatisfy(r -> assertThat(r.path()).matches(o.pattern())));
            assertThat(requests).filteredOn(r -> r.path().endsWith("/views") || r.path().endsWith("/clones"))
                    .extracting(StubGitHub.Recorded::rawQuery)
                    .containsOnly("per=day", "per=week");
        }
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> query = new LinkedHashMap<>();
        if (raw == null) {
            return query;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            query.put(URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8),
                    eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return query;
    }
}
