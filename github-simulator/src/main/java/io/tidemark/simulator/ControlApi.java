package io.tidemark.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tidemark.simulator.HttpTransport.Request;
import io.tidemark.simulator.HttpTransport.Response;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The simulator's own control endpoints under {@code /_simulator/}, for standalone demos. No
 * authentication, not counted, no rate limit. See README.md for the list.
 */
final class ControlApi {

    static final String PREFIX = "/_simulator/";

    private final GitHubSimulator simulator;

    ControlApi(GitHubSimulator simulator) {
        this.simulator = simulator;
    }

    Response handle(Request request) {
        try {
            JsonNode body = dispatch(request.method(), request.path().substring(PREFIX.length()), request.query());
            return body == null ? json(404, Json.object().put("message", "Not Found")) : json(200, body);
        } catch (RuntimeException e) {
            return json(400, Json.object().put("message", String.valueOf(e.getMessage())));
        }
    }

    private JsonNode dispatch(String method, String path, Map<String, String> query) {
        boolean post = method.equals("POST");
        switch (path) {
            case "clock" -> {
                if (post && query.containsKey("set")) {
                    simulator.clock().set(Instant.parse(query.get("set")));
                }
                if (post && query.containsKey("advance")) {
                    simulator.clock().advance(Duration.parse(query.get("advance")));
                }
                return Json.object().put("now", simulator.clock().now().toString());
            }
            case "requests" -> {
                if (method.equals("DELETE")) {
                    simulator.requests().reset();
                }
                ObjectNode body = Json.object().put("total", simulator.requests().total());
                ArrayNode counters = body.putArray("counters");
                simulator.requests().snapshot().forEach((key, count) -> counters.addObject()
                        .put("kind", key.kind().name().toLowerCase(Locale.ROOT))
                        .put("status", key.status())
                        .put("cost_budget", key.costBudget())
                        .put("count", count));
                return body;
            }
            case "faults" -> {
                if (method.equals("DELETE")) {
                    simulator.faults().clear();
                } else if (post) {
                    Fault fault = fault(query.getOrDefault("fault", "500"), query.getOrDefault("delay", "PT30S"));
                    int times = Integer.parseInt(query.getOrDefault("times", "1"));
                    String kind = query.getOrDefault("kind", "all");
                    if (kind.equals("all")) {
                        simulator.faults().injectAll(fault, times);
                    } else {
                        simulator.faults().inject(EndpointKind.valueOf(kind.toUpperCase(Locale.ROOT)), fault, times);
                    }
                }
                return Json.object().put("pending", simulator.faults().pending());
            }
            case "rate-limit" -> {
                RateLimit limit = simulator.rateLimit();
                if (post) {
                    if (query.containsKey("budget")) {
                        limit.setBudget(Integer.parseInt(query.get("budget")));
                    }
                    if (query.containsKey("status")) {
                        limit.setExceededStatus(Integer.parseInt(query.get("status")));
                    }
                    if (query.containsKey("secondary")) {
                        limit.triggerSecondary(Integer.parseInt(query.get("secondary")),
                                Duration.ofSeconds(Long.parseLong(query.getOrDefault("retry_after", "60"))));
                    }
                    if (Boolean.parseBoolean(query.get("reset"))) {
                        limit.forceReset();
                    }
                }
                return Json.object()
                        .put("budget", limit.budget())
                        .put("exceeded_status", limit.exceededStatus())
                        .put("secondary_pending", limit.secondaryPending());
            }
            default -> {
                return null;
            }
        }
    }

    private static Fault fault(String name, String delay) {
        return switch (name) {
            case "slow" -> Fault.slow(Duration.parse(delay));
            case "truncated" -> Fault.truncatedBody();
            case "malformed" -> Fault.malformedBody();
            case "cut-body" -> Fault.cutBody();
            case "disconnect" -> Fault.disconnect();
            case "daily-buckets-for-weeks" -> Fault.dailyBucketsForWeeks();
            default -> Fault.serverError(Integer.parseInt(name));
        };
    }

    private Response json(int status, JsonNode body) {
        var headers = new LinkedHashMap<String, String>();
        headers.put("Date", GitHubApi.HTTP_DATE.format(simulator.clock().now()));
        headers.put("Content-Type", "application/json; charset=utf-8");
        return new Response(status, headers, Json.write(body).getBytes(StandardCharsets.UTF_8), Duration.ZERO);
    }
}
