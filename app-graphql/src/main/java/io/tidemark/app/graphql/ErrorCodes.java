package io.tidemark.app.graphql;

import graphql.ErrorClassification;
import graphql.ErrorType;
import graphql.ExceptionWhileDataFetching;
import graphql.ExecutionResult;
import graphql.GraphQLError;
import graphql.execution.NonNullableFieldWasNullError;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationExecutionParameters;
import graphql.introspection.GoodFaithIntrospection;
import graphql.language.SourceLocation;
import graphql.schema.CoercingParseLiteralException;
import graphql.schema.CoercingParseValueException;
import graphql.validation.ValidationError;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.logging.Logger;

/**
 * Gives every error of a GraphQL answer one shape, {@code message}, {@code locations}, {@code
 * path} and {@code extensions.code}, with a message written for the client: resolvers' {@link
 * ApiError}s keep their code and message; a document that does not match the schema, or an
 * argument value that cannot be read, gets {@code GRAPHQL_VALIDATION_FAILED}; a refused
 * introspection or an aborted execution {@code QUERY_TOO_COMPLEX}; a syntax error {@code
 * GRAPHQL_PARSE_FAILED}; anything else {@code INTERNAL} with a generic message (the details go to
 * the server log). graphql-java's own value notation ({@code StringValue{value='x'}}), SmallRye's
 * message ids and Java class names never reach a client, nor does {@code classification}.
 */
final class ErrorCodes extends SimplePerformantInstrumentation {

    private static final Logger LOG = Logger.getLogger(ErrorCodes.class);

    static final String VALIDATION_FAILED = "GRAPHQL_VALIDATION_FAILED";
    static final String TOO_COMPLEX = "QUERY_TOO_COMPLEX";
    static final String PARSE_FAILED = "GRAPHQL_PARSE_FAILED";
    static final String INTERNAL = "INTERNAL";
    static final String INTERNAL_MESSAGE = "internal error; the server log has the details";

    /** graphql-java's toString of a literal, e.g. {@code StringValue{value='2023-02-30'}}. */
    private static final Pattern QUOTED_LITERAL =
            Pattern.compile("'?(?:StringValue|EnumValue)\\{(?:value|name)='([^']*)'}'?");
    private static final Pattern PLAIN_LITERAL =
            Pattern.compile("'?(?:IntValue|FloatValue|BooleanValue)\\{value=([^}]*)}'?");
    /** graphql-java's prefix of validation messages, e.g. {@code Validation error (WrongType@[repositories]) : }. */
    private static final Pattern VALIDATION_PREFIX = Pattern.compile("^Validation error \\([^)]*\\) : ");
    /** SmallRye's message ids and what follows them, e.g. {@code - SRGQL000021: Can not parse ...}. */
    private static final Pattern SMALLRYE_DETAIL = Pattern.compile("\\s*-?\\s*SRGQL\\d+:.*$", Pattern.DOTALL);
    /** What must never reach a client: qualified names, exception names, object notation. */
    static final Pattern INTERNALS = Pattern.compile(
            "\\b[a-z][a-z0-9_]*\\.[a-z][a-z0-9_]*\\.[A-Za-z_$][\\w$.]*|\\b\\w*(?:Exception|Error)\\b|\\w\\{\\w+=|SRGQL\\d+");

    @Override
    public CompletableFuture<ExecutionResult> instrumentExecutionResult(
            ExecutionResult result, InstrumentationExecutionParameters parameters, InstrumentationState state) {
        if (result.getErrors().isEmpty()) {
            return CompletableFuture.completedFuture(result);
        }
        List<GraphQLError> coded = coded(result.getErrors());
        return CompletableFuture.completedFuture(result.transform(builder -> builder.errors(coded)));
    }

    /** The errors as clients get them. */
    static List<GraphQLError> coded(List<GraphQLError> errors) {
        boolean others = errors.stream().anyMatch(error -> !(error instanceof NonNullableFieldWasNullError));
        return errors.stream()
                // a null that bubbles up from a refused argument is a consequence, not a second error
                .filter(error -> !(others && error instanceof NonNullableFieldWasNullError))
                .map(ErrorCodes::coded)
                .toList();
    }

    static GraphQLError coded(GraphQLError error) {
        if (error instanceof CodedError already) {
            return already;
        }
        if (error instanceof ExceptionWhileDataFetching fetching) {
            Throwable exception = fetching.getException();
            if (exception instanceof ApiError api) {
                return new CodedError(api.getMessage(), error.getLocations(), error.getPath(), api.code());
            }
            if (isCoercion(exception)) {
                return new CodedError("an argument of " + fieldOf(error) + " has a value of the wrong type or format",
                        error.getLocations(), error.getPath(), VALIDATION_FAILED);
            }
            ApiError api = exception instanceof RuntimeException runtime
                    ? ErrorTranslator.translate(runtime, fieldOf(error))
                    : ErrorTranslator.translate(new IllegalStateException(exception), fieldOf(error));
            return new CodedError(api.getMessage(), error.getLocations(), error.getPath(), api.code());
        }
        String code = codeOf(error);
        String message = error instanceof ValidationError validation && validation.getDescription() != null
                ? validation.getDescription()
                : error.getMessage();
        String clean = clean(message);
        if (clean == null || code.equals(INTERNAL)) {
            if (code.equals(INTERNAL)) {
                LOG.warnf("GraphQL error answered as %s: %s", code, message);
            } else {
                LOG.debugf("GraphQL error answered as %s with a generic message: %s", code, message);
            }
            clean = code.equals(INTERNAL) ? INTERNAL_MESSAGE : genericMessage(code);
        }
        return new CodedError(clean, error.getLocations(), error.getPath(), code);
    }

    private static String codeOf(GraphQLError error) {
        Object given = error.getExtensions() == null ? null : error.getExtensions().get("code");
        if (given instanceof String known && KNOWN.contains(known)) {
            return known;
        }
        if (error instanceof GoodFaithIntrospection.BadFaithIntrospectionError) {
            return TOO_COMPLEX;
        }
        ErrorClassification type = error.getErrorType();
        if (type == ErrorType.ValidationError || type == ErrorType.OperationNotSupported) {
            return VALIDATION_FAILED;
        }
        if (type == ErrorType.ExecutionAborted) {
            return TOO_COMPLEX;
        }
        if (type == ErrorType.InvalidSyntax) {
            return PARSE_FAILED;
        }
        return INTERNAL;
    }

    private static final List<String> KNOWN = List.of(VALIDATION_FAILED, TOO_COMPLEX, PARSE_FAILED);

    private static boolean isCoercion(Throwable exception) {
        for (Throwable cause = exception; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof CoercingParseLiteralException || cause instanceof CoercingParseValueException
                    || cause.getClass().getName().startsWith("io.smallrye.graphql.transformation")) {
                return true;
            }
        }
        return false;
    }

    private static String fieldOf(GraphQLError error) {
        List<Object> path = error.getPath();
        return path == null || path.isEmpty() ? "the query" : "'" + path.get(path.size() - 1) + "'";
    }

    private static String genericMessage(String code) {
        return switch (code) {
            case VALIDATION_FAILED -> "the document does not match the schema";
            case TOO_COMPLEX -> "the query is too complex";
            case PARSE_FAILED -> "the document is not valid GraphQL";
            default -> INTERNAL_MESSAGE;
        };
    }

    /**
     * The message with graphql-java's value notation turned into GraphQL's and SmallRye's ids and
     * details dropped; null when internals would still show.
     */
    static String clean(String message) {
        if (message == null || message.isBlank()) {
            return null;
        }
        String text = VALIDATION_PREFIX.matcher(message).replaceFirst("");
        text = QUOTED_LITERAL.matcher(text).replaceAll(m -> Matcher.quoteReplacement("\"" + m.group(1) + "\""));
        text = PLAIN_LITERAL.matcher(text).replaceAll(m -> Matcher.quoteReplacement(m.group(1)));
        text = SMALLRYE_DETAIL.matcher(text).replaceAll("").strip();
        return text.isEmpty() || INTERNALS.matcher(text).find() ? null : text;
    }

    /** An error with exactly the fields a client sees. */
    static final class CodedError implements GraphQLError {
        private static final long serialVersionUID = 1L;

        private final String message;
        private final List<SourceLocation> locations;
        private final List<Object> path;
        private final String code;

        CodedError(String message, List<SourceLocation> locations, List<Object> path, String code) {
            this.message = message;
            this.locations = locations == null ? List.of() : List.copyOf(locations);
            this.path = path == null ? null : List.copyOf(path);
            this.code = code;
        }

        @Override
        public String getMessage() {
            return message;
        }

        @Override
        public List<SourceLocation> getLocations() {
            return locations;
        }

        @Override
        public List<Object> getPath() {
            return path;
        }

        @Override
        public ErrorClassification getErrorType() {
            return ErrorType.DataFetchingException;
        }

        @Override
        public Map<String, Object> getExtensions() {
            return Map.of("code", code);
        }

        @Override
        public Map<String, Object> toSpecification() {
            Map<String, Object> specification = new LinkedHashMap<>();
            specification.put("message", message);
            if (!locations.isEmpty()) {
                specification.put("locations", locations.stream()
                        .map(location -> Map.of("line", location.getLine(), "column", location.getColumn()))
                        .toList());
            }
            if (path != null) {
                specification.put("path", path);
            }
            specification.put("extensions", Map.of("code", code));
            return specification;
        }
    }
}
