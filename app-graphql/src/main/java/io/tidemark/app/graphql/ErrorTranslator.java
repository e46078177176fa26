package io.tidemark.app.graphql;

import io.tidemark.app.security.Role;
import io.tidemark.core.model.InvalidInputException;
import io.tidemark.core.port.in.SourceUnavailableException;
import jakarta.annotation.Priority;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import java.util.NoSuchElementException;
import org.jboss.logging.Logger;

/**
 * Turns every exception a resolver throws into an {@link ApiError} with its code: bad input into
 * {@code INVALID_ARGUMENT}, the source's failures as {@link SourceErrors} says, and anything unexpected into {@code
 * INTERNAL} with a generic message (the details go to the server log only). Without this, SmallRye
 * would name an unexpected exception's class in {@code extensions.code}.
 */
@TranslatedErrors
@Interceptor
@Priority(Interceptor.Priority.APPLICATION)
public class ErrorTranslator {

    private static final Logger LOG = Logger.getLogger(ErrorTranslator.class);

    @AroundInvoke
    Object translate(InvocationContext invocation) throws Exception {
        try {
            return invocation.proceed();
        } catch (RuntimeException e) {
            throw translate(e, invocation.getMethod().getName());
        }
    }

    static ApiError translate(RuntimeException e, String operation) {
        if (e instanceof ApiError api) {
            return api;
        }
        if (e instanceof InvalidInputException invalid) {
            return new ApiError.InvalidArgument(invalid.getMessage());
        }
        if (e instanceof SourceUnavailableException unavailable) {
            return SourceErrors.of(unavailable, null);
        }
        if (e instanceof io.quarkus.security.ForbiddenException) {
            return new ApiError.Forbidden("this requires the " + Role.ADMIN_NAME + " role");
        }
        if (e instanceof io.quarkus.security.UnauthorizedException) {
            return new ApiError.Unauthenticated("an Authorization: Bearer token is required");
        }
        if (e instanceof NoSuchElementException) {
            return new ApiError.NotFound(e.getMessage());
        }
        LOG.errorf(e, "GraphQL operation %s failed unexpectedly", operation);
        return new ApiError.Internal("internal error; the server log has the details");
    }
}
