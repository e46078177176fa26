package io.tidemark.app.graphql;

import graphql.ErrorClassification;
import graphql.ErrorType;
import graphql.ExecutionResult;
import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationExecutionParameters;
import graphql.validation.ValidationError;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * Gives the errors graphql-java raises before any resolver runs their {@code extensions.code}, as
 * {@link ErrorTranslator} does for the errors of resolvers: a document that does not match the
 * schema gets {@code GRAPHQL_VALIDATION_FAILED}, one over the depth or complexity limit {@code
 * QUERY_TOO_COMPLEX}. Errors that already have a code are left as they are.
 */
final class ErrorCodes extends SimplePerformantInstrumentation {

    static final String VALIDATION_FAILED = "GRAPHQL_VALIDATION_FAILED";
    static final String TOO_COMPLEX = "QUERY_TOO_COMPLEX";
    static final String PARSE_FAILED = "GRAPHQL_PARSE_FAILED";

    @Override
    public CompletableFuture<ExecutionResult> instrumentExecutionResult(
            ExecutionResult result, InstrumentationExecutionParameters parameters, InstrumentationState state) {
        if (result.getErrors().stream().allMatch(error -> codeFor(error) == null)) {
            return CompletableFuture.completedFuture(result);
        }
        List<GraphQLError> coded = result.getErrors().stream().map(ErrorCodes::withCode).toList();
        return CompletableFuture.completedFuture(result.transform(builder -> builder.errors(coded)));
    }

    /** The code to add to this error, or null when it has one or is a resolver's (SmallRye codes those). */
    static String codeFor(GraphQLError error) {
        if (error.getExtensions() != null && error.getExtensions().containsKey("code")) {
            return null;
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
        return null;
    }

    static GraphQLError withCode(GraphQLError error) {
        String code = codeFor(error);
        if (code == null) {
            return error;
        }
        Map<String, Object> extensions = new LinkedHashMap<>();
        if (error.getExtensions() != null) {
            extensions.putAll(error.getExtensions());
        }
        extensions.put("code", code);
        if (error instanceof ValidationError validation) {
            // kept a ValidationError: SmallRye formats those with the configured extension fields
            return ValidationError.newValidationError()
                    .validationErrorType(validation.getValidationErrorType())
                    .description(validation.getDescription())
                    .sourceLocations(validation.getLocations())
                    .queryPath(validation.getQueryPath())
                    .extensions(extensions)
                    .build();
        }
        return GraphqlErrorBuilder.newError()
                .message(error.getMessage())
                .locations(error.getLocations())
                .path(error.getPath())
                .errorType(error.getErrorType())
                .extensions(extensions)
                .build();
    }
}
