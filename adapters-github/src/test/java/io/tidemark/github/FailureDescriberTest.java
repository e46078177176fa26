package io.tidemark.github;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.channel.ConnectTimeoutException;
import jakarta.ws.rs.ProcessingException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Duration;
import javax.net.ssl.SSLHandshakeException;
import org.junit.jupiter.api.Test;

/**
 * The failures a test server cannot easily stage (an unknown host, a connect timeout, a failed TLS
 * handshake, an exception nobody foresaw), wrapped as the REST client wraps them: each is
 * described in plain words, without the exception's class or wording.
 */
class FailureDescriberTest {

    private static final String TOKEN = "ghp_describer0123456789";

    private final FailureDescriber describer = new FailureDescriber(
            URI.create("https://api.github.com"), Duration.ofSeconds(10), Duration.ofSeconds(30), new Redactor(TOKEN));

    @Test
    void anUnknownHostIsNamed() {
        assertThat(describer.describe(new ProcessingException(new UnknownHostException("api.github.com: Name or service not known"))))
                .isEqualTo("could not connect to api.github.com:443: the host name is unknown");
    }

    @Test
    void aConnectTimeoutSaysHowLongItWaited() {
        assertThat(describer.describe(new ProcessingException(
                        new ConnectTimeoutException("connection timed out after 10000 ms: api.github.com/140.82.121.6:443"))))
                .isEqualTo("could not connect to api.github.com:443 within 10s (connect timeout)");
    }

    @Test
    void aFailedTlsHandshakeSaysSo() {
        assertThat(describer.describe(new ProcessingException(new SSLHandshakeException("PKIX path building failed"))))
                .isEqualTo("the secure (TLS) connection to api.github.com:443 failed");
    }

    @Test
    void anUnforeseenFailureIsNotQuoted() {
        String description = describer.describe(new UncheckedIOException(new IOException(
                new IllegalStateException("io.vertx.core.impl.Foo$Bar went wrong with " + TOKEN))));

        assertThat(description).isEqualTo("the connection failed");
        assertThat(describer.describe(new IllegalStateException("java.lang.Foo broke")))
                .isEqualTo("something unexpected went wrong (the debug log has the details)");
    }

    @Test
    void theAdaptersOwnMessagesAreQuotedRedacted() {
        assertThat(describer.describe(new MalformedResponseException("'views[0].timestamp' is not a date-time: " + TOKEN)))
                .isEqualTo("'views[0].timestamp' is not a date-time: " + Redactor.REDACTED);
    }

    @Test
    void durationsReadNaturally() {
        assertThat(FailureDescriber.text(Duration.ofSeconds(30))).isEqualTo("30s");
        assertThat(FailureDescriber.text(Duration.ofSeconds(90))).isEqualTo("1m30s");
        assertThat(FailureDescriber.text(Duration.ofMinutes(2))).isEqualTo("2m");
        assertThat(FailureDescriber.text(Duration.ofMillis(250))).isEqualTo("250ms");
        assertThat(FailureDescriber.text(Duration.ofMillis(1500))).isEqualTo("1500ms");
    }
}
