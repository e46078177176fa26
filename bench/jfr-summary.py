#!/usr/bin/env python3
"""Summarises `jfr print --events jdk.ExecutionSample` output (stdin) as markdown: samples per
thread group, inclusive share of notable layers, and the hottest top-of-stack methods."""
import collections, re, sys

samples = []
thread, frames, in_stack = None, [], False
for line in sys.stdin:
    s = line.strip()
    if s.startswith("jdk.ExecutionSample"):
        thread, frames, in_stack = None, [], False
    elif s.startswith("sampledThread"):
        m = re.search(r'"([^"]*)"', s)
        thread = m.group(1) if m else "?"
    elif s.startswith("stackTrace = ["):
        in_stack = True
    elif in_stack and s.startswith("]"):
        in_stack = False
        samples.append((thread or "?", frames))
    elif in_stack and s and not s.startswith("..."):
        frames.append(re.sub(r"\s+line:.*$", "", s))

n = len(samples)
if n == 0:
    print("(no execution samples)")
    sys.exit(0)
groups = collections.Counter(re.sub(r"[-\d]+$", "", t) for t, _ in samples)
layers = {
    "PostgreSQL JDBC driver (org.postgresql)": "org.postgresql.",
    "Hibernate ORM (org.hibernate)": "org.hibernate.",
    "Agroal pool / Narayana transactions": ("io.agroal.", "com.arjuna."),
    "GraphQL engine (graphql., io.smallrye.graphql)": ("graphql.", "io.smallrye.graphql."),
    "JSON (jakarta.json / parsson / jackson)": ("org.eclipse.parsson.", "jakarta.json.", "com.fasterxml.jackson."),
    "Vert.x / Netty (HTTP, event loops)": ("io.vertx.", "io.netty."),
    "Tidemark code (io.tidemark)": "io.tidemark.",
    "Security (io.quarkus.security, vertx-http auth)": ("io.quarkus.security.", "io.quarkus.vertx.http.runtime.security."),
}
print(f"{n} execution samples.\n")
print("| thread group | share of samples |\n| --- | --- |")
for g, c in groups.most_common(6):
    print(f"| `{g}` | {100.0 * c / n:.1f}% |")
print("\n| layer (inclusive: on the stack) | share of samples |\n| --- | --- |")
for name, prefix in layers.items():
    prefixes = prefix if isinstance(prefix, tuple) else (prefix,)
    c = sum(1 for _, f in samples if any(fr.startswith(prefixes) for fr in f))
    print(f"| {name} | {100.0 * c / n:.1f}% |")
tops = collections.Counter(f[0] for _, f in samples if f)
print("\n| hottest top-of-stack methods | share |\n| --- | --- |")
for m, c in tops.most_common(10):
    print(f"| `{m[:110]}` | {100.0 * c / n:.1f}% |")
