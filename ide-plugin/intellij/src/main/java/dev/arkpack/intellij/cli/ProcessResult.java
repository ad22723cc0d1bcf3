// Runs one arkpack command to completion and keeps its exit code and output (for analyze and apply).
// Plain Java, tested without the SDK.
package dev.arkpack.intellij.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

public record ProcessResult(int exitCode, String output) {

    public boolean ok() {
        return exitCode == 0;
    }

    /** Runs {@code command} in {@code workDir} with stderr folded into stdout, and waits for it. */
    public static ProcessResult run(List<String> command, Path workDir) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).directory(workDir.toFile()).redirectErrorStream(true).start();
        process.getOutputStream().close();
        String output;
        try (InputStream in = process.getInputStream()) {
            output = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        return new ProcessResult(process.waitFor(), output);
    }
}
