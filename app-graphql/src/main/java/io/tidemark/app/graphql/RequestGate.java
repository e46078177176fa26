package io.tidemark.app.graphql;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import graphql.language.Document;
import graphql.language.ListType;
import graphql.language.NonNullType;
import graphql.language.OperationDefinition;
import graphql.language.Type;
import graphql.language.TypeName;
import graphql.language.VariableDefinition;
import graphql.parser.InvalidSyntaxException;
import graphql.parser.Parser;
import graphql.parser.ParserEnvironment;
import graphql.parser.ParserOptions;
import graphql.parser.exceptions.ParseCancelledException;
import io.quarkus.security.AuthenticationException;
import io.quarkus.security.UnauthorizedException;
import io.tidemark.app.config.TidemarkConfig;
import io.tidemark.app.security.BearerTokenAuthentication;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.Locale;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Checks every {@code POST /graphql} before SmallRye GraphQL sees it, so that a hostile or broken
 * request gets a coded error in milliseconds and never reaches a parser, validator or executor
 * whose cost it could blow up:
 *
 * <ul>
 *   <li>the method is POST (HTTP 405 {@code METHOD_NOT_ALLOWED} otherwise);
 *   <li>the client accepts a JSON answer (HTTP 406 {@code NOT_ACCEPTABLE} otherwise);
 *   <li>the media type is JSON ({@code application/json}, or none) or {@code application/graphql},
 *       in UTF-8 (HTTP 415 {@code UNSUPPORTED_MEDIA_TYPE} otherwise);
 *   <li>the body is at most {@code TIDEMARK_GRAPHQL_MAX_BODY_SIZE} (HTTP 413 {@code
 *       PAYLOAD_TOO_LARGE}), JSON nested at most {@value #MAX_JSON_DEPTH} levels, one object with
 *       a non-empty string {@code query}, an optional object {@code variables}, an optional string
 *       {@code operationName} and an optional object {@code extensions} (HTTP 400 {@code
 *       BAD_REQUEST} otherwise, batches included);
 *   <li>the document parses within the token limit ({@code GRAPHQL_PARSE_FAILED}, or {@code
 *       QUERY_TOO_COMPLEX} for too many tokens), stays within the depth and field limits once its
 *       fragments are expanded ({@link DocumentLimits}, {@code QUERY_TOO_COMPLEX}), and its
 *       integers, literal or variable, fit GraphQL's {@code Int} ({@code
 *       GRAPHQL_VALIDATION_FAILED}).
 * </ul>
 *
 * Refusals of the document are GraphQL errors with HTTP 200, like every other GraphQL error of
 * the API. The route runs after authentication and authorization, so a request without a valid
 * token is refused with 401 before its body is read (its coded body comes from {@code
 * BearerTokenAuthentication#sendUnauthenticated}, for a missing token and an unknown one alike).
 */
@ApplicationScoped
class RequestGate {

    private static final Logger LOG = Logger.getLogger(RequestGate.class);

    static final int MAX_JSON_DEPTH = 32;
    static final String BAD_REQUEST = "BAD_REQUEST";
    static final String UNSUPPORTED_MEDIA_TYPE = "UNSUPPORTED_MEDIA_TYPE";
    static final String PAYLOAD_TOO_LARGE = "PAYLOAD_TOO_LARGE";
    static final String INTERNAL = "INTERNAL";
    static final String NOT_ACCEPTABLE = "NOT_ACCEPTABLE";
    static final String METHOD_NOT_ALLOWED = "METHOD_NOT_ALLOWED";

    /**
     * After Quarkus' upload limit (-2) and its security filters (authentication -200, authorization
     * -100), before the routes of extensions, SmallRye GraphQL's among them, which Vert.x numbers
     * from 0 in the order they are added.
     */
    private static final int ORDER = -1;
    /** Just before Quarkus' upload limit, which answers a too long Content-Length with a bare 413. */
    private static final int LENGTH_ORDER = -3;
    private static final String SHAPE = "the request body must be one JSON object with a non-empty string \"query\","
            + " an optional object \"variables\", an optional string \"operationName\" and an optional object"
            + " \"extensions\"";

    private final ObjectMapper json = new ObjectMapper(JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_JSON_DEPTH).build())
            .build())
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    private final DocumentLimits limits;
    private final ParserOptions parserOptions;
    private final int maxTokens;
    private final long maxBodySize;

    RequestGate(TidemarkConfig config) {
        this.limits = new DocumentLimits(config.graphql().maxDepth(), config.graphql().maxComplexity());
        this.maxTokens = config.graphql().maxTokens();
        this.parserOptions = ParserOptions.getDefaultOperationParserOptions().transform(options -> options
                .maxTokens(ParserLimits.parserMaxTokens(maxTokens))
                .captureSourceLocation(false)
                .captureLineComments(false));
        this.maxBodySize = config.graphql().maxBodySize().asLongValue();
    }

    void register(@Observes Router router) {
        router.route("/graphql").order(Integer.MIN_VALUE).failureHandler(this::failed);
        router.route(HttpMethod.POST, "/graphql").order(LENGTH_ORDER).handler(this::checkLength);
        router.route("/graphql").order(ORDER).handler(this::checkMethod);
        router.route(HttpMethod.POST, "/graphql").order(ORDER)
                .handler(BodyHandler.create(false).setBodyLimit(maxBodySize).setHandleFileUploads(false))
                .handler(this::check);
    }

    /** GraphQL is served by POST only (OPTIONS answers which); other methods get a coded 405. */
    void checkMethod(RoutingContext context) {
        HttpMethod method = context.request().method();
        if (method.equals(HttpMethod.POST) || method.equals(HttpMethod.OPTIONS)) {
            context.next();
            return;
        }
        context.response().putHeader(HttpHeaders.ALLOW, "POST, OPTIONS");
        answer(context, 405, METHOD_NOT_ALLOWED, "send GraphQL requests with POST");
    }

    /** Refuses a declared body length over the limit before a byte of it is read. */
    void checkLength(RoutingContext context) {
        String length = context.request().getHeader(HttpHeaders.CONTENT_LENGTH);
        long declared;
        try {
            declared = length == null ? -1 : Long.parseLong(length.strip());
        } catch (NumberFormatException e) {
            answer(context, 400, BAD_REQUEST, "the Content-Length header is not a number");
            return;
        }
        if (declared > maxBodySize) {
            context.response().putHeader(HttpHeaders.CONNECTION, "close");
            tooLarge(context);
            return;
        }
        context.next();
    }

    private void tooLarge(RoutingContext context) {
        answer(context, 413, PAYLOAD_TOO_LARGE, "the request body is larger than the limit of " + maxBodySize
                + " bytes (TIDEMARK_GRAPHQL_MAX_BODY_SIZE)");
    }

    void check(RoutingContext context) {
        if (!acceptable(context.request().getHeader(HttpHeaders.ACCEPT))) {
            answer(context, 406, NOT_ACCEPTABLE, "the answer is JSON: accept application/json or"
                    + " application/graphql-response+json");
            return;
        }
        Optional<String> mediaProblem = mediaTypeProblem(context.request().getHeader(HttpHeaders.CONTENT_TYPE));
        if (mediaProblem.isPresent()) {
            answer(context, 415, UNSUPPORTED_MEDIA_TYPE, mediaProblem.get());
            return;
        }
        String contentType = context.request().getHeader(HttpHeaders.CONTENT_TYPE);
        boolean graphqlBody = contentType != null && mediaType(contentType).equals("application/graphql");
        String query;
        JsonNode variables = null;
        if (graphqlBody) {
            query = context.body().asString("UTF-8");
            if (query == null || query.isBlank()) {
                answer(context, 400, BAD_REQUEST, "the request body must hold a GraphQL document");
                return;
            }
        } else {
            ObjectNode request;
            try {
                request = requestObject(context);
            } catch (Refused refused) {
                answer(context, 400, BAD_REQUEST, refused.getMessage());
                return;
            }
            query = request.get("query").asText();
            variables = request.get("variables");
        }
        Document document;
        try {
            document = new Parser().parseDocument(ParserEnvironment.newParserEnvironment()
                    .document(query)
                    .parserOptions(parserOptions)
                    .build());
        } catch (ParseCancelledException e) {
            answer(context, 200, ErrorCodes.TOO_COMPLEX,
                    "the document has more than " + maxTokens + " tokens");
            return;
        } catch (InvalidSyntaxException e) {
            answer(context, 200, ErrorCodes.PARSE_FAILED, syntaxMessage(e));
            return;
        }
        JsonNode given = variables;
        Optional<DocumentLimits.Refusal> refusal = limits.check(document)
                .or(() -> variableProblem(document, given));
        if (refusal.isPresent()) {
            answer(context, 200, refusal.get().code(), refusal.get().message());
            return;
        }
        context.next();
    }

    private ObjectNode requestObject(RoutingContext context) {
        JsonNode body;
        try {
            String text = context.body().asString("UTF-8");
            if (text == null || text.isBlank()) {
                throw new Refused("the request body is empty; " + SHAPE);
            }
            body = json.readTree(text);
        } catch (StreamConstraintsException e) {
            throw new Refused("the request body is JSON nested more than " + MAX_JSON_DEPTH + " levels deep");
        } catch (JsonParseException | MismatchedInputException e) {
            throw new Refused("the request body is not valid JSON; " + SHAPE);
        } catch (IOException e) {
            throw new Refused("the request body could not be read as JSON; " + SHAPE);
        }
        if (body != null && body.isArray()) {
            throw new Refused("batched requests (a JSON array) are not supported; send one request per operation");
        }
        if (!(body instanceof ObjectNode request)) {
            throw new Refused(SHAPE);
        }
        JsonNode query = request.get("query");
        if (query == null || !query.isTextual() || query.asText().isBlank()) {
            throw new Refused("\"query\" is missing or not a non-empty string; " + SHAPE);
        }
        if (!absentOr(request.get("variables"), JsonNode::isObject)
                || !absentOr(request.get("operationName"), JsonNode::isTextual)
                || !absentOr(request.get("extensions"), JsonNode::isObject)) {
            throw new Refused(SHAPE);
        }
        return request;
    }

    private static boolean absentOr(JsonNode node, java.util.function.Predicate<JsonNode> shape) {
        return node == null || node.isNull() || shape.test(node);
    }

    /** A variable declared {@code Int} whose value is not a 32-bit integer (SmallRye would fail on it). */
    static Optional<DocumentLimits.Refusal> variableProblem(Document document, JsonNode variables) {
        if (variables == null || !variables.isObject()) {
            return Optional.empty();
        }
        for (OperationDefinition operation : document.getDefinitionsOfType(OperationDefinition.class)) {
            for (VariableDefinition definition : operation.getVariableDefinitions()) {
                JsonNode value = variables.get(definition.getName());
                if (value == null || value.isNull() || !isInt(definition.getType())) {
                    continue;
                }
                if (!value.isIntegralNumber() && !(value.isNumber() && isWhole(value.decimalValue()))
                        || value.isNumber() && !fitsInt(value.decimalValue())) {
                    return Optional.of(new DocumentLimits.Refusal(ErrorCodes.VALIDATION_FAILED, "variable $"
                            + definition.getName() + " is not a valid Int: GraphQL's Int is a 32-bit signed integer"));
                }
            }
        }
        return Optional.empty();
    }

    private static boolean isInt(Type<?> type) {
        Type<?> bare = type instanceof NonNullType nonNull ? nonNull.getType() : type;
        return !(bare instanceof ListType) && bare instanceof TypeName name && name.getName().equals("Int");
    }

    private static boolean isWhole(BigDecimal number) {
        return number.signum() == 0 || number.stripTrailingZeros().scale() <= 0;
    }

    private static boolean fitsInt(BigDecimal number) {
        return number.compareTo(BigDecimal.valueOf(Integer.MIN_VALUE)) >= 0
                && number.compareTo(BigDecimal.valueOf(Integer.MAX_VALUE)) <= 0;
    }

    /** Why the media type is not accepted, or empty when it is. */
    static Optional<String> mediaTypeProblem(String contentType) {
        if (contentType == null || contentType.isBlank()) {
            return Optional.empty(); // taken as JSON, like SmallRye does
        }
        String type = mediaType(contentType);
        if (!type.equals("application/json") && !type.equals("application/graphql")) {
            return Optional.of("send the request as application/json (or application/graphql), not " + safe(type));
        }
        for (String parameter : contentType.split(";")) {
            String[] pair = parameter.strip().split("=", 2);
            if (pair.length == 2 && pair[0].strip().equalsIgnoreCase("charset")) {
                String charset = pair[1].strip().replace("\"", "").toLowerCase(Locale.ROOT);
                if (!charset.equals("utf-8") && !charset.equals("utf8")) {
                    return Optional.of("the request body must be UTF-8, not charset " + safe(charset));
                }
            }
        }
        return Optional.empty();
    }

    /**
     * Whether the {@code Accept} header allows an answer SmallRye GraphQL can write: none, {@code
     * *}{@code /*}, or a JSON type it knows ({@code application/json}, {@code
     * application/graphql-response+json}, {@code application/graphql+json}).
     */
    static boolean acceptable(String accept) {
        if (accept == null || accept.isBlank()) {
            return true;
        }
        for (String range : accept.split(",")) {
            String type = mediaType(range);
            if (type.equals("*/*") || type.equals("application/json") || type.equals("application/graphql-response+json")
                    || type.equals("application/graphql+json")) {
                return true;
            }
        }
        return false;
    }

    private static String mediaType(String contentType) {
        return contentType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
    }

    /** Text from the request, shortened and reduced to printable ASCII before it is echoed. */
    private static String safe(String text) {
        String printable = text.replaceAll("[^\\x20-\\x7e]", "?");
        return printable.length() <= 40 ? printable : printable.substring(0, 40) + "...";
    }

    /** graphql-java's description of a syntax error, without its parser's internals. */
    static String syntaxMessage(InvalidSyntaxException e) {
        StringBuilder message = new StringBuilder("the document is not valid GraphQL");
        if (e.getLocation() != null) {
            message.append(" (line ").append(e.getLocation().getLine())
                    .append(", column ").append(e.getLocation().getColumn()).append(')');
        }
        if (e.getOffendingToken() != null) {
            message.append(": unexpected ").append(e.getOffendingToken().equals("<EOF>")
                    ? "end of document" : "'" + safe(e.getOffendingToken()) + "'");
        }
        return message.toString();
    }

    /**
     * Failures on {@code /graphql} before or outside SmallRye: an oversized body, a failed
     * authentication, and anything unexpected, each answered with a code and no internals.
     */
    void failed(RoutingContext context) {
        if (context.response().headWritten()) {
            context.next();
            return;
        }
        Throwable failure = context.failure();
        int status = context.statusCode();
        if (status == 413) {
            tooLarge(context);
        } else if (failure instanceof AuthenticationException || failure instanceof UnauthorizedException || status == 401) {
            BearerTokenAuthentication.sendUnauthenticated(context);
        } else if (failure instanceof ClassCastException || failure instanceof jakarta.json.JsonException) {
            answer(context, 400, BAD_REQUEST, SHAPE);
        } else if (status == 405 || status == 404 || status == 406) {
            context.next();
        } else {
            LOG.errorf(failure, "GraphQL request failed unexpectedly (HTTP %d)", status);
            answer(context, 500, INTERNAL, "internal error; the server log has the details");
        }
    }

    static void answer(RoutingContext context, int status, String code, String message) {
        JsonObject error = new JsonObject()
                .put("message", message)
                .put("extensions", new JsonObject().put("code", code));
        context.response()
                .setStatusCode(status)
                .putHeader(HttpHeaders.CONTENT_TYPE, "application/json; charset=UTF-8")
                .end(new JsonObject().put("errors", new JsonArray().add(error)).encode());
    }

    /** A body of the wrong shape; the message is safe to show. */
    private static final class Refused extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Refused(String message) {
            super(message, null, false, false);
        }
    }
}
