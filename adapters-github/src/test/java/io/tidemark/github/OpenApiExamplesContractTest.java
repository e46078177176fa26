package io.tidemark.github;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tidemark.core.model.Granularity;
import io.tidemark.core.model.PopularPath;
import io.tidemark.core.model.Referrer;
import io.tidemark.core.model.TopPaths;
import io.tidemark.core.model.TopReferrers;
import io.tidemark.core.model.TrafficBucket;
import io.tidemark.core.model.TrafficKind;
import io.tidemark.core.model.TrafficWindow;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Contract: every example of GitHub's OpenAPI description parses through the adapter's JSON
 * types and mapping into the expected core values, and every field the schemas require is one
 * the mapping insists on.
 */
class OpenApiExamplesContractTest {

    private static final OpenApiSpec SPEC = OpenApiSpec.load();
    private static final Instant FETCHED_AT = Instant.parse("2016-10-24T18:30:00Z");

    @Test
    void theSpecHasExactlyTheExamplesThisTestCovers() {
        assertThat(SPEC.examples().keySet()).containsExactlyInAnyOrder(
                "view-traffic", "clone-traffic", "referrer-traffic-items", "content-traffic-items");
    }

    @Test
    void viewTrafficExample() throws Exception {
        TrafficWindow window = window("view-traffic", TrafficKind.VIEWS);

        assertThat(window.kind()).isEqualTo(TrafficKind.VIEWS);
        assertThat(window.granularity()).isEqualTo(Granularity.DAY);
        assertThat(window.fetchedAt()).isEqualTo(FETCHED_AT);
        assertThat(window.count()).isEqualTo(14850);
        assertThat(window.uniques()).isEqualTo(3782);
        assertThat(window.buckets()).hasSize(15);
        assertThat(window.buckets().get(0)).isEqualTo(new TrafficBucket(LocalDate.of(2016, 10, 10), 440, 143));
        assertThat(window.buckets().get(7)).isEqualTo(new TrafficBucket(LocalDate.of(2016, 10, 17), 1263, 412));
        assertThat(window.buckets().get(14)).isEqualTo(new TrafficBucket(LocalDate.of(2016, 10, 24), 614, 237));
        assertThat(window.buckets()).extracting(TrafficBucket::start)
                .isSorted()
                .doesNotHaveDuplicates();
        assertThat(window.buckets().stream().mapToInt(TrafficBucket::count).sum()).isEqualTo(14850);
        assertMatchesExample(window, SPEC.examples().get("view-traffic").get("views"));
    }

    @Test
    void cloneTrafficExample() throws Exception {
        TrafficWindow window = window("clone-traffic", TrafficKind.CLONES);

        assertThat(window.kind()).isEqualTo(TrafficKind.CLONES);
        assertThat(window.count()).isEqualTo(173);
        assertThat(window.uniques()).isEqualTo(128);
        assertThat(window.buckets()).hasSize(15);
        assertThat(window.buckets().get(0)).isEqualTo(new TrafficBucket(LocalDate.of(2016, 10, 10), 2, 1));
        assertThat(window.buckets().get(14)).isEqualTo(new TrafficBucket(LocalDate.of(2016, 10, 24), 7, 5));
        assertThat(window.buckets().stream().mapToInt(TrafficBucket::count).sum()).isEqualTo(173);
        assertMatchesExample(window, SPEC.examples().get("clone-traffic").get("clones"));
    }

    @Test
    void referrerTrafficExample() throws Exception {
        TopReferrers top = GitHubMapping.referrers(
                OpenApiSpec.MAPPER.convertValue(
                        SPEC.examples().get("referrer-traffic-items"),
                        new TypeReference<List<GitHubJson.ReferrerTraffic>>() {}),
                FETCHED_AT);

        assertThat(top.takenAt()).isEqualTo(FETCHED_AT);
        assertThat(top.day()).isEqualTo(LocalDate.of(2016, 10, 24));
        assertThat(top.referrers()).containsExactly(
                new Referrer("Google", 4, 3),
                new Referrer("stackoverflow.com", 2, 2),
                new Referrer("eggsonbread.com", 1, 1),
                new Referrer("yandex.ru", 1, 1));
    }

    @Test
    void contentTrafficExample() throws Exception {
        TopPaths top = GitHubMapping.paths(
                OpenApiSpec.MAPPER.convertValue(
                        SPEC.examples().get("content-traffic-items"),
                        new TypeReference<List<GitHubJson.ContentTraffic>>() {}),
                FETCHED_AT);

        assertThat(top.takenAt()).isEqualTo(FETCHED_AT);
        assertThat(top.paths()).hasSize(10);
        assertThat(top.paths().get(0)).isEqualTo(new PopularPath(
                "/github/hubot", "github/hubot: A customizable life embetterment robot.", 3542, 2225));
        assertThat(top.paths().get(1)).isEqualTo(new PopularPath(
                "/github/hubot/blob/master/docs/scripting.md",
                "hubot/scripting.md at master \u00b7 github/hubot \u00b7 GitHub",
                1707,
                804));
        assertThat(top.paths().get(9)).isEqualTo(new PopularPath(
                "/github/hubot/blob/master/LICENSE.md",
                "hubot/LICENSE.md at master \u00b7 github/hubot \u00b7 GitHub",
                281,
                222));
        assertThat(top.paths()).extracting(PopularPath::count).isSortedAccordingTo((a, b) -> b - a);
    }

    @Test
    void unknownFieldsAreIgnored() throws Exception {
        ObjectNode json = SPEC.examples().get("view-traffic").deepCopy();
        json.put("future_field", "x");
        ((ObjectNode) json.get("views").get(0)).put("another", 1);

        TrafficWindow window = GitHubMapping.window(
                OpenApiSpec.MAPPER.treeToValue(json, GitHubJson.Traffic.class), TrafficKind.VIEWS, Granularity.DAY,
                FETCHED_AT);

        assertThat(window).isEqualTo(window("view-traffic", TrafficKind.VIEWS));
    }

    @Test
    void everyFieldTheSchemasRequireIsRequiredByTheMapping() throws Exception {
        Map<String, String> arrays = Map.of("view-traffic", "views", "clone-traffic", "clones");
        for (String schema : List.of("view-traffic", "clone-traffic")) {
            TrafficKind kind = schema.startsWith("view") ? TrafficKind.VIEWS : TrafficKind.CLONES;
            for (String field : SPEC.required(schema)) {
                ObjectNode json = SPEC.examples().get(schema).deepCopy();
                json.remove(field);
                assertThatThrownBy(() -> GitHubMapping.window(
                                OpenApiSpec.MAPPER.treeToValue(json, GitHubJson.Traffic.class), kind, Granularity.DAY,
                                FETCHED_AT))
                        .as("%s without %s", schema, field)
                        .isInstanceOf(MalformedResponseException.class);
            }
            for (String field : SPEC.required("traffic")) {
                ObjectNode json = SPEC.examples().get(schema).deepCopy();
                ((ObjectNode) json.get(arrays.get(schema)).get(3)).remove(field);
                assertThatThrownBy(() -> GitHubMapping.window(
                                OpenApiSpec.MAPPER.treeToValue(json, GitHubJson.Traffic.class), kind, Granularity.DAY,
                                FETCHED_AT))
                        .as("%s bucket without %s", schema, field)
                        .isInstanceOf(MalformedResponseException.class);
            }
        }
        for (String field : SPEC.required("referrer-traffic")) {
            JsonNode json = SPEC.examples().get("referrer-traffic-items").deepCopy();
            ((ObjectNode) json.get(1)).remove(field);
            assertThatThrownBy(() -> GitHubMapping.referrers(
                            OpenApiSpec.MAPPER.convertValue(json, new TypeReference<List<GitHubJson.ReferrerTraffic>>() {}),
                            FETCHED_AT))
                    .as("referrer without %s", field)
                    .isInstanceOf(MalformedResponseException.class);
        }
        for (String field : SPEC.required("content-traffic")) {
            JsonNode json = SPEC.examples().get("content-traffic-items").deepCopy();
            ((ObjectNode) json.get(1)).remove(field);
            assertThatThrownBy(() -> GitHubMapping.paths(
                            OpenApiSpec.MAPPER.convertValue(json, new TypeReference<List<GitHubJson.ContentTraffic>>() {}),
                            FETCHED_AT))
                    .as("path without %s", field)
                    .isInstanceOf(MalformedResponseException.class);
        }
    }

    @Test
    void valuesTheDomainRejectsAreMalformedAnswers() throws Exception {
        ObjectNode negative = SPEC.examples().get("view-traffic").deepCopy();
        ((ObjectNode) negative.get("views").get(0)).put("count", -1);
        ObjectNode notMidnight = SPEC.examples().get("view-traffic").deepCopy();
        ((ObjectNode) notMidnight.get("views").get(0)).put("timestamp", "2016-10-10T05:00:00Z");
        ObjectNode notADate = SPEC.examples().get("view-traffic").deepCopy();
        ((ObjectNode) notADate.get("views").get(0)).put("timestamp", "yesterday");

        for (ObjectNode json : List.of(negative, notMidnight, notADate)) {
            assertThatThrownBy(() -> GitHubMapping.window(
                            OpenApiSpec.MAPPER.treeToValue(json, GitHubJson.Traffic.class), TrafficKind.VIEWS,
                            Granularity.DAY, FETCHED_AT))
                    .isInstanceOf(MalformedResponseException.class);
        }
        // daily buckets are not weekly ones: the week window rejects a Tuesday
        assertThatThrownBy(() -> GitHubMapping.window(
                        OpenApiSpec.MAPPER.treeToValue(SPEC.examples().get("view-traffic"), GitHubJson.Traffic.class),
                        TrafficKind.VIEWS, Granularity.WEEK, FETCHED_AT))
                .isInstanceOf(MalformedResponseException.class)
                .hasMessageContaining("Monday");
    }

    private static TrafficWindow window(String example, TrafficKind kind) throws Exception {
        return GitHubMapping.window(
                OpenApiSpec.MAPPER.treeToValue(SPEC.examples().get(example), GitHubJson.Traffic.class),
                kind, Granularity.DAY, FETCHED_AT);
    }

    private static void assertMatchesExample(TrafficWindow window, JsonNode items) {
        assertThat(window.buckets()).hasSize(items.size());
        for (int i = 0; i < items.size(); i++) {
            JsonNode item = items.get(i);
            TrafficBucket bucket = window.buckets().get(i);
            assertThat(bucket.timestamp()).isEqualTo(Instant.parse(item.get("timestamp").asText()));
            assertThat(bucket.count()).isEqualTo(item.get("count").asInt());
            assertThat(bucket.uniques()).isEqualTo(item.get("uniques").asInt());
        }
    }
}
