package arkpack.conformance;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarEntry;
import java.util.jar.JarInputStream;

/** Small helpers (Java 8 API only: the 2.x module compiles these sources with --release 8). */
final class IO {
    private IO() {
    }

    static byte[] readAll(InputStream in) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buf = new byte[8192];
        int n;
        while ((n = in.read(buf)) != -1) {
            out.write(buf, 0, n);
        }
        return out.toByteArray();
    }

    /** The non-directory entry names of a jar given as bytes, read with the JDK. */
    static List<String> fileEntries(byte[] jarBytes) throws IOException {
        List<String> names = new ArrayList<String>();
        try (JarInputStream in = new JarInputStream(new ByteArrayInputStream(jarBytes))) {
            JarEntry e;
            while ((e = in.getNextJarEntry()) != null) {
                if (!e.isDirectory()) {
                    names.add(e.getName());
                }
            }
        }
        return names;
    }

    /** The bytes of one entry of a jar given as bytes, read with the JDK; null when absent. */
    static byte[] entryBytes(byte[] jarBytes, String name) throws IOException {
        try (JarInputStream in = new JarInputStream(new ByteArrayInputStream(jarBytes))) {
            JarEntry e;
            while ((e = in.getNextJarEntry()) != null) {
                if (e.getName().equals(name)) {
                    return readAll(in);
                }
            }
        }
        return null;
    }

    /** The outcome of a finished (or killed) process. */
    static final class Run {
        final int exitCode;
        final boolean timedOut;
        final String output;

        Run(int exitCode, boolean timedOut, String output) {
            this.exitCode = exitCode;
            this.timedOut = timedOut;
            this.output = output;
        }

        String describe(List<String> command) {
            return "command: " + String.join(" ", command) + "\nexit: " + (timedOut ? "timed out, killed" : exitCode)
                    + "\noutput (last 60 lines):\n" + tail(output, 60);
        }
    }

    /** Runs a command with stdout and stderr merged into a file (no pipe to fill up), killing it after the timeout. */
    static Run run(List<String> command, File workDir, File logFile, long timeoutSeconds)
            throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command)
                .directory(workDir)
                .redirectErrorStream(true)
                .redirectOutput(logFile)
                .start();
        boolean finished = p.waitFor(timeoutSeconds, TimeUnit.SECONDS);
        if (!finished) {
            p.destroyForcibly();
            p.waitFor(10, TimeUnit.SECONDS);
        }
        String output = new String(Files.readAllBytes(logFile.toPath()), StandardCharsets.UTF_8);
        return new Run(finished ? p.exitValue() : -1, !finished, output);
    }

    static String tail(String text, int lines) {
        List<String> all = Arrays.asList(text.split("\r?\n"));
        List<String> kept = all.subList(Math.max(0, all.size() - lines), all.size());
        return "  " + String.join("\n  ", kept);
    }
}
