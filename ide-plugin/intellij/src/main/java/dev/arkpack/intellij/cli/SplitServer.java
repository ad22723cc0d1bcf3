// Runs `arkpack split serve` as a child process: starts it, waits for the loopback port it prints,
// keeps reading its output (so the pipe never fills), and stops it. Plain Java (ProcessBuilder), tested
// without the SDK against a stand-in process.
package dev.arkpack.intellij.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

public final class SplitServer implements AutoCloseable {

    private static final Pattern LOOPBACK = Pattern.compile("127\\.0\\.0\\.1:(\\d{1,5})");
    private static final Pattern PORT_WORD = Pattern.compile("(?i)\\bport\\D{0,3}(\\d{2,5})\\b");
    /** Last lines of output kept for error messages. */
    private static final int TAIL_LINES = 40;

    private final Process process;
    private final int port;
    private final StringBuilder tail;

    private SplitServer(Process process, int port, StringBuilder tail) {
        this.process = process;
        this.port = port;
        this.tail = tail;
    }

    /** The port in a line the server prints when it listens ("... http://127.0.0.1:7878 ..."), if any. */
    public static OptionalInt parsePort(String line) {
        Matcher m = LOOPBACK.matcher(line);
        if (!m.find()) {
            m = PORT_WORD.matcher(line);
            if (!m.find()) {
                return OptionalInt.empty();
            }
        }
        int port = Integer.parseInt(m.group(1));
        return port > 0 && port < 65536 ? OptionalInt.of(port) : OptionalInt.empty();
    }

    /** Starts {@code command} and returns once it printed its port; fails if it exits or stays silent. */
    public static SplitServer start(List<String> command, Duration timeout) throws IOException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        StringBuilder tail = new StringBuilder();
        CompletableFuture<Integer> port = new CompletableFuture<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(
                    new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = in.readLine()) != null) {
                    synchronized (tail) {
                        tail.append(line).append('\n');
                        trim(tail);
                    }
                    if (!port.isDone()) {
                        parsePort(line).ifPresent(port::complete);
                    }
                }
            } catch (IOException e) {
                port.completeExceptionally(e);
            }
            port.completeExceptionally(new IOException("arkpack split serve ended before it printed a port"));
        }, "arkpack-split-serve-output");
        reader.setDaemon(true);
        reader.start();
        try {
            return new SplitServer(process, port.get(timeout.toMillis(), TimeUnit.MILLISECONDS), tail);
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while waiting for arkpack split serve", e);
        } catch (ExecutionException | TimeoutException e) {
            process.destroyForcibly();
            String output;
            synchronized (tail) {
                output = tail.toString();
            }
            throw new IOException("arkpack split serve did not start: "
                    + (e instanceof TimeoutException ? "no port printed in " + timeout.toSeconds() + " s" : e.getCause().getMessage())
                    + (output.isEmpty() ? "" : "\n" + output), e);
        }
    }

    private static void trim(StringBuilder tail) {
        int lines = 0;
        for (int i = tail.length() - 1; i >= 0; i--) {
            if (tail.charAt(i) == '\n' && ++lines > TAIL_LINES) {
                tail.delete(0, i + 1);
                return;
            }
        }
    }

    public int port() {
        return port;
    }

    public String url() {
        return "http://127.0.0.1:" + port + "/";
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** The server's last lines of output. */
    public String output() {
        synchronized (tail) {
            return tail.toString();
        }
    }

    /** Stops the server: a polite stop, then a forced one after two seconds. */
    @Override
    public void close() {
        if (!process.isAlive()) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(2, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
