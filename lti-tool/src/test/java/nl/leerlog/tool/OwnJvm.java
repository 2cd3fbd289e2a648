package nl.leerlog.tool;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Leerlog in a JVM of its own, started from the tests' class path: for what one JVM cannot show, such as an
 * instance killed without warning or logging set up differently from the rest of the suite.
 */
public final class OwnJvm {

    /** Something that tells whether the started app is up yet; an I/O failure means not yet. */
    @FunctionalInterface
    public interface Probe {
        boolean up() throws IOException, InterruptedException;
    }

    private OwnJvm() {}

    /** Starts the app with these JVM options and arguments; its output goes to {@code log}. */
    public static Process start(List<String> jvmOptions, List<String> arguments, Path log) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse("java"));
        command.addAll(jvmOptions);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), LeerlogApplication.class.getName()));
        command.addAll(arguments);
        return new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
    }

    /**
     * Waits until {@code probe} says {@code what} is up, asking every quarter second; fails when the process stops
     * first or {@code limit} passes, pointing at its log.
     */
    public static void await(String what, Process process, Path log, Duration limit, Probe probe) {
        Instant deadline = Instant.now().plus(limit);
        try {
            while (Instant.now().isBefore(deadline)) {
                if (!process.isAlive()) {
                    throw new IllegalStateException(what + " stopped; see " + log);
                }
                try {
                    if (probe.up()) {
                        return;
                    }
                } catch (IOException notYet) {
                    // Not listening yet, or not passing requests on yet: ask again below.
                }
                Thread.sleep(250);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        throw new IllegalStateException(what + " not up within " + limit.toSeconds() + " s; see " + log);
    }

    /** A port nothing listens on now. */
    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
