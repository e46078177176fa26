package io.tidemark.app.transfer;

import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.tidemark.app.config.TidemarkConfig;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Coded errors on {@code /api/*}, of the same shape as the GraphQL API's: a declared body over the
 * import limit is refused before a byte is read (Quarkus' own limit would answer a bare 413), a
 * viewer's import gets a coded 403, and anything unexpected a coded 500 without its stack trace.
 */
@ApplicationScoped
public class TransferErrors {

    private static final Logger LOG = Logger.getLogger(TransferErrors.class);

    /** Before Quarkus' body limit, like RequestGate's check on /graphql. */
    private static final int LENGTH_ORDER = -3;

    private final long maxBody;

    TransferErrors(TidemarkConfig config) {
        this.maxBody = config.transfer().maxBody().asLongValue();
    }

    void register(@Observes Router router) {
        router.route(HttpMethod.POST, "/api/import").order(LENGTH_ORDER).handler(this::checkLength);
    }

    private void checkLength(RoutingContext context) {
        String length = context.request().getHeader(HttpHeaders.CONTENT_LENGTH);
        long declared;
        try {
            declared = length == null ? -1 : Long.parseLong(length.strip());
        } catch (NumberFormatException e) {
            declared = Long.MAX_VALUE;
        }
        if (declared > maxBody) {
            context.response()
                    .setStatusCode(413)
                    .putHeader(HttpHeaders.CONNECTION, "close")
                    .putHeader(HttpHeaders.CONTENT_TYPE, "application/json; charset=UTF-8")
                    .end(TransferJson.error(TransferError.tooLarge("the request body is larger than the limit of "
                            + maxBody + " bytes (TIDEMARK_IMPORT_MAX_BODY)")).getEntity().toString());
            return;
        }
        context.next();
    }

    @ServerExceptionMapper
    Response forbidden(ForbiddenException refused) {
        return TransferJson.error(403, "FORBIDDEN", "this needs an admin token");
    }

    @ServerExceptionMapper
    Response unexpected(RuntimeException failure) {
        if (failure instanceof UnauthorizedException || failure instanceof jakarta.ws.rs.WebApplicationException) {
            return failure instanceof jakarta.ws.rs.WebApplicationException web
                    ? TransferJson.error(web.getResponse().getStatus(), "BAD_REQUEST", "the request was refused ("
                            + web.getResponse().getStatus() + ")")
                    : TransferJson.error(401, "UNAUTHENTICATED", "a valid Authorization: Bearer token is required");
        }
        // The type only: a message may hold data of the request.
        LOG.errorf("an import or export failed: %s", failure.getClass().getName());
        return TransferJson.error(500, "INTERNAL", "the server failed; the import or export was not completed");
    }
}
