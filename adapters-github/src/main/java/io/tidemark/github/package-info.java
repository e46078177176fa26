/**
 * The production {@link io.tidemark.core.port.out.TrafficSource}: GitHub's REST traffic API
 * through the Quarkus REST Client.
 *
 * <p>{@link io.tidemark.github.GitHubTrafficSource} is the bean; {@link
 * io.tidemark.github.GitHubConfig} is its configuration ({@code tidemark.github.*}). Everything
 * else (the REST client interface, GitHub's JSON types, the rate-limit book-keeping and the
 * conditional-request cache) is package-private.
 */
package io.tidemark.github;
