package io.tidemark.app.security;

import io.quarkus.runtime.Startup;
import io.tidemark.app.config.TidemarkConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * The API tokens and their roles. Tokens are kept only as SHA-256 digests and compared in
 * constant time, every configured token each time, so neither a log, a heap dump nor the timing
 * of a refusal gives one away.
 *
 * <p>When no admin token is configured, one is generated at start-up and printed once, so a
 * newcomer can start without reading docs while the server is still never open by default.
 */
@Startup // so that a generated admin token is printed at start-up, not at the first request
@ApplicationScoped
public class ApiTokens {

    private static final Logger LOG = Logger.getLogger(ApiTokens.class);

    private record Entry(byte[] digest, Role role) {}

    private final List<Entry> entries = new ArrayList<>();
    private final boolean anonymousRead;

    public ApiTokens(TidemarkConfig config) {
        this.anonymousRead = config.anonymousRead();
        List<String> admins = config.adminToken().orElse(List.of()).stream().filter(t -> !t.isBlank()).toList();
        if (admins.isEmpty()) {
            String generated = generate();
            admins = List.of(generated);
            LOG.infof("No TIDEMARK_ADMIN_TOKEN is set, so this run generated an admin token: %s"
                    + " (set TIDEMARK_ADMIN_TOKEN to choose your own)", generated);
        }
        admins.forEach(token -> entries.add(new Entry(digest(token.strip()), Role.ADMIN)));
        config.viewerToken().orElse(List.of()).stream()
                .filter(t -> !t.isBlank())
                .forEach(token -> entries.add(new Entry(digest(token.strip()), Role.VIEWER)));
    }

    /** The role of a presented token, if it is one of ours. */
    public Optional<Role> roleOf(String presented) {
        byte[] digest = digest(presented);
        Role found = null;
        for (Entry entry : entries) {
            if (MessageDigest.isEqual(entry.digest(), digest) && (found == null || entry.role() == Role.ADMIN)) {
                found = entry.role();
            }
        }
        return Optional.ofNullable(found);
    }

    /** Whether requests without a token may read ({@code TIDEMARK_ANONYMOUS_READ}). */
    public boolean anonymousRead() {
        return anonymousRead;
    }

    private static String generate() {
        byte[] random = new byte[24];
        new SecureRandom().nextBytes(random);
        return "tm_" + Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    }

    private static byte[] digest(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException("every JVM has SHA-256", impossible);
        }
    }
}
