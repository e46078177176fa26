package io.tidemark.app.security;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.credential.TokenCredential;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.IdentityProviderManager;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.AuthenticationRequest;
import io.quarkus.security.identity.request.TokenAuthenticationRequest;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.quarkus.vertx.http.runtime.security.ChallengeData;
import io.quarkus.vertx.http.runtime.security.HttpAuthenticationMechanism;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Set;

/**
 * {@code Authorization: Bearer <token>} against {@link ApiTokens}. A request without the header
 * is anonymous (refused by the HTTP permission on {@code /graphql}) unless anonymous reading is
 * on, in which case it gets the viewer role.
 */
@ApplicationScoped
public class BearerTokenAuthentication implements HttpAuthenticationMechanism, IdentityProvider<TokenAuthenticationRequest> {

    private static final String BEARER = "Bearer ";
    private static final String CHALLENGE = "Bearer realm=\"tidemark\"";
    private static final String UNAUTHENTICATED_BODY = new JsonObject().put("errors", new JsonArray().add(new JsonObject()
                    .put("message", "a valid Authorization: Bearer token is required")
                    .put("extensions", new JsonObject().put("code", "UNAUTHENTICATED"))))
            .encode();

    private final ApiTokens tokens;

    public BearerTokenAuthentication(ApiTokens tokens) {
        this.tokens = tokens;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(RoutingContext context, IdentityProviderManager identities) {
        String header = context.request().getHeader(HttpHeaders.AUTHORIZATION);
        if (header == null) {
            return tokens.anonymousRead()
                    ? Uni.createFrom().item(identity("anonymous", Role.VIEWER))
                    : Uni.createFrom().nullItem();
        }
        if (!header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return Uni.createFrom().failure(new AuthenticationFailedException("expected a Bearer token"));
        }
        String token = header.substring(BEARER.length()).strip();
        return identities.authenticate(new TokenAuthenticationRequest(new TokenCredential(token, "bearer")));
    }

    @Override
    public Class<TokenAuthenticationRequest> getRequestType() {
        return TokenAuthenticationRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(TokenAuthenticationRequest request, AuthenticationRequestContext context) {
        return tokens.roleOf(request.getToken().getToken())
                .map(role -> Uni.createFrom().item(identity(role.roleName(), role)))
                .orElseGet(() -> Uni.createFrom().failure(new AuthenticationFailedException("unknown token")));
    }

    private static SecurityIdentity identity(String principal, Role role) {
        QuarkusSecurityIdentity.Builder builder = QuarkusSecurityIdentity.builder()
                .setPrincipal(new QuarkusPrincipal(principal))
                .addRole(Role.VIEWER.roleName());
        if (role == Role.ADMIN) {
            builder.addRole(Role.ADMIN.roleName());
        }
        return builder.build();
    }

    @Override
    public Uni<ChallengeData> getChallenge(RoutingContext context) {
        return Uni.createFrom().item(new ChallengeData(401, "WWW-Authenticate", CHALLENGE));
    }

    /**
     * The 401 of a request without a token: the challenge header and, like every other error of
     * the API, a JSON body coded {@code UNAUTHENTICATED} (Quarkus' default challenge has no body).
     */
    @Override
    public Uni<Boolean> sendChallenge(RoutingContext context) {
        sendUnauthenticated(context);
        return Uni.createFrom().item(Boolean.TRUE);
    }

    /**
     * Answers 401 with the challenge header and the JSON error coded {@code UNAUTHENTICATED},
     * unless an answer was already started: for every request refused for want of a valid token.
     */
    public static void sendUnauthenticated(RoutingContext context) {
        HttpServerResponse response = context.response();
        if (!response.headWritten()) {
            response.setStatusCode(401)
                    .putHeader("WWW-Authenticate", CHALLENGE)
                    .putHeader(HttpHeaders.CONTENT_TYPE, "application/json; charset=UTF-8")
                    .end(UNAUTHENTICATED_BODY);
        }
    }

    @Override
    public Set<Class<? extends AuthenticationRequest>> getCredentialTypes() {
        return Set.of(TokenAuthenticationRequest.class);
    }
}
