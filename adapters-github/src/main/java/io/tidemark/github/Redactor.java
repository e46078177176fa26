package io.tidemark.github;

/**
 * Keeps the token out of every text Tidemark produces from GitHub's answers or from exceptions
 * (messages that quote a header back, a proxy that echoes a request). Defence in depth: Tidemark
 * itself never puts the token into a message.
 */
final class Redactor {

    static final String REDACTED = "[redacted]";

    private final String secret;

    Redactor(String secret) {
        this.secret = secret == null || secret.isEmpty() ? null : secret;
    }

    String redact(String text) {
        if (text == null || secret == null) {
            return text;
        }
        return text.replace(secret, REDACTED);
    }

    /**
     * A copy of an exception chain safe to keep as a cause: each link keeps its class name (in its
     * message) and stack trace, its message redacted.
     */
    Throwable sanitize(Throwable failure) {
        java.util.List<Throwable> chain = new java.util.ArrayList<>();
        for (Throwable t = failure; t != null && chain.size() < 20 && !chain.contains(t); t = t.getCause()) {
            chain.add(t);
        }
        Throwable copy = null;
        for (int i = chain.size() - 1; i >= 0; i--) {
            Throwable original = chain.get(i);
            String message = original.getMessage();
            copy = new RedactedCause(
                    original.getClass().getName() + (message == null ? "" : ": " + redact(message)),
                    copy,
                    original.getStackTrace());
        }
        return copy;
    }

    /** A link of a {@link #sanitize sanitized} exception chain. */
    static final class RedactedCause extends RuntimeException {

        private static final long serialVersionUID = 1L;

        RedactedCause(String message, Throwable cause, StackTraceElement[] stackTrace) {
            super(message, cause);
            setStackTrace(stackTrace);
        }

        @Override
        public String toString() {
            return getMessage();
        }
    }

    @Override
    public String toString() {
        return "Redactor[" + REDACTED + "]";
    }
}
