package io.tidemark.github;

import jakarta.ws.rs.client.ClientRequestContext;
import jakarta.ws.rs.client.ClientRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;

/** Adds {@code Authorization: Bearer <token>} to every request. Never shows the token. */
final class AuthorizationFilter implements ClientRequestFilter {

    private final String authorization;

    AuthorizationFilter(String token) {
        this.authorization = "Bearer " + token;
    }

    @Override
    public void filter(ClientRequestContext request) {
        request.getHeaders().putSingle(HttpHeaders.AUTHORIZATION, authorization);
    }

    @Override
    public String toString() {
        return "AuthorizationFilter[Bearer " + Redactor.REDACTED + "]";
    }
}
