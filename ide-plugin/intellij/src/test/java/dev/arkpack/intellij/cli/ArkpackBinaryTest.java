// Tests of how the IntelliJ host finds the arkpack executable.
package dev.arkpack.intellij.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ArkpackBinaryTest {

    @TempDir
    Path dir;

    private Path executable(String folder) throws IOException {
        Path f = Files.createDirectories(dir.resolve(folder)).resolve("arkpack");
        Files.writeString(f, "#!/bin/sh\n");
        Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("rwxr-xr-x"));
        return f;
    }

    @Test
    void propertyThenEnvironmentThenPath() throws IOException {
        Path fromProperty = executable("prop");
        Path fromEnv = executable("env");
        Path onPath = executable("bin");
        String path = dir.resolve("empty") + ":" + onPath.getParent();
        assertEquals(Optional.of(fromProperty), ArkpackBinary.locate(fromProperty.toString(), Map.of("ARKPACK_BIN", fromEnv.toString(), "PATH", path)));
        assertEquals(Optional.of(fromEnv), ArkpackBinary.locate(null, Map.of("ARKPACK_BIN", fromEnv.toString(), "PATH", path)));
        assertEquals(Optional.of(onPath), ArkpackBinary.locate(" ", Map.of("PATH", path)));
    }

    @Test
    void anExplicitPathThatIsNotExecutableIsNotReplacedByThePath() throws IOException {
        Path plain = Files.writeString(dir.resolve("arkpack"), "not executable");
        Files.setPosixFilePermissions(plain, PosixFilePermissions.fromString("rw-r--r--"));
        Path onPath = executable("bin");
        assertEquals(Optional.empty(), ArkpackBinary.locate(plain.toString(), Map.of("PATH", onPath.getParent().toString())));
        assertEquals(Optional.empty(), ArkpackBinary.locate(null, Map.of("PATH", dir.resolve("nothing").toString())));
    }
}
