// Finds the arkpack executable the IDE host runs: the `arkpack.bin` system property, then the
// ARKPACK_BIN environment variable, then `arkpack` on the PATH. Plain Java, tested without the SDK.
package dev.arkpack.intellij.cli;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

public final class ArkpackBinary {

    private ArkpackBinary() {
    }

    /** The first executable found, or empty. {@code property} is the system property value (may be null). */
    public static Optional<Path> locate(String property, Map<String, String> env) {
        for (String explicit : new String[] {property, env.get("ARKPACK_BIN")}) {
            if (explicit != null && !explicit.isBlank()) {
                Path p = Path.of(explicit);
                return Files.isExecutable(p) ? Optional.of(p) : Optional.empty();
            }
        }
        String path = env.getOrDefault("PATH", "");
        boolean windows = File.separatorChar == '\\';
        for (String dir : path.split(File.pathSeparator)) {
            if (dir.isBlank()) {
                continue;
            }
            for (String name : windows ? new String[] {"arkpack.exe", "arkpack"} : new String[] {"arkpack"}) {
                Path candidate = Path.of(dir, name);
                if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                    return Optional.of(candidate);
                }
            }
        }
        return Optional.empty();
    }

    public static Optional<Path> locate() {
        return locate(System.getProperty("arkpack.bin"), System.getenv());
    }
}
