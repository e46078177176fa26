package io.tidemark.simulator;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.concurrent.CountDownLatch;

/**
 * Runs the simulator standalone until interrupted (Ctrl-C):
 *
 * <pre>
 * ./mvnw -q -pl github-simulator compile exec:java -Dexec.args="--port 8089 --token t-demo"
 * </pre>
 *
 * <p>Options: {@code --port N} (default 8089, 0 for a free port), {@code --token T} (default
 * {@code t-demo}, admin on every {@code demo/*} repository), {@code --seed N} (default 42), {@code
 * --now INSTANT} (a whole hour, default {@code 2023-02-24T12:00:00Z}, inside both real series).
 * Organization {@code demo} holds the real-traffic repositories {@code awesome-jupyter} and {@code
 * azure-network-security}, generated {@code generated-quiet}, {@code generated-busy}, the private
 * {@code generated-private}, and {@code read-only} which the token may only read (403 on traffic).
 */
public final class Main {

    private Main() {}

    public static void main(String[] args) throws InterruptedException {
        int port = 8089;
        String token = "t-demo";
        long seed = 42;
        Instant now = Instant.parse("2023-02-24T12:00:00Z");
        for (int i = 0; i < args.length; i++) {
            String value = i + 1 < args.length ? args[i + 1] : null;
            switch (args[i]) {
                case "--port" -> port = Integer.parseInt(value);
                case "--token" -> token = value;
                case "--seed" -> seed = Long.parseLong(value);
                case "--now" -> now = Instant.parse(value);
                default -> {
                    System.err.println("usage: [--port N] [--token T] [--seed N] [--now 2023-02-24T12:00:00Z]");
                    System.exit(2);
                }
            }
            i++;
        }
        GitHubSimulator simulator = demo(GitHubSimulator.builder().port(port), token, seed, now).start();
        var stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            simulator.close();
            stopped.countDown();
        }));
        System.out.println("GitHub simulator listening on " + simulator.baseUrl());
        System.out.println("token: " + token + "   simulated now: " + simulator.clock().now());
        System.out.println("try:   curl -i -H 'Authorization: Bearer " + token + "' "
                + simulator.baseUrl() + "/repos/demo/awesome-jupyter/traffic/views");
        stopped.await();
    }

    /** The demo data set: real and generated repositories of organization {@code demo}. */
    static GitHubSimulator.Builder demo(GitHubSimulator.Builder builder, String token, long seed, Instant now) {
        return builder
                .seed(seed)
                .now(now)
                .organization("demo")
                .repository("demo", "awesome-jupyter",
                        TrafficModel.realTraffic("awesome-jupyter", "demo/awesome-jupyter", seed))
                .repository("demo", "azure-network-security",
                        TrafficModel.realTraffic("azure-network-security", "demo/azure-network-security", seed))
                .generatedRepository("demo", "generated-quiet", 4)
                .generatedRepository("demo", "generated-busy", 400)
                .privateRepository("demo", "generated-private",
                        TrafficModel.generated("demo/generated-private", seed + 1,
                                LocalDate.ofInstant(now, ZoneOffset.UTC).minusDays(60),
                                LocalDate.ofInstant(now, ZoneOffset.UTC).plusDays(60), 25))
                .generatedRepository("demo", "read-only", 10)
                .token(token, Permission.ADMIN, "demo/*")
                .token(token, Permission.PULL, "demo/read-only");
    }
}
