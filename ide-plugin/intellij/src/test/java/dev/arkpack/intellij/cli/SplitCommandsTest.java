// Tests of the arkpack command lines the IntelliJ host builds (analyze, serve, apply).
package dev.arkpack.intellij.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SplitCommandsTest {

    @TempDir
    Path dir;

    private Path mkdir(String name) throws IOException {
        return Files.createDirectories(dir.resolve(name));
    }

    private Path file(String name) throws IOException {
        return Files.writeString(dir.resolve(name), "x");
    }

    @Test
    void analyzeWithoutPomPassesExistingOutputFoldersAndJarsOnce() throws IOException {
        Path app = mkdir("app/target/classes");
        Path core = mkdir("core/target/classes");
        Path missing = dir.resolve("never-built/target/classes");
        Path jar = file("spring-context-5.3.30.jar");
        Path gone = dir.resolve("gone.jar");
        SplitInputs inputs = new SplitInputs(dir, false, List.of(app, missing, core, app), List.of(jar, gone, jar));
        List<String> command = SplitCommands.analyze(Path.of("/opt/arkpack"), inputs, dir.resolve("a.json"));
        assertEquals(List.of("/opt/arkpack", "split", "analyze",
                "--app", app.toString(), "--app", core.toString(),
                "--lib", jar.toString(),
                "--out", dir.resolve("a.json").toString()), command);
        assertTrue(SplitCommands.hasInput(inputs));
    }

    @Test
    void analyzeMavenProjectLetsArkpackReadThePoms() throws IOException {
        Path app = mkdir("app/target/classes");
        Path jar = file("lib.jar");
        SplitInputs inputs = new SplitInputs(dir, true, List.of(app), List.of(jar));
        List<String> command = SplitCommands.analyze(Path.of("arkpack"), inputs, Path.of("out.json"));
        assertEquals(List.of("arkpack", "split", "analyze", "--maven-project", dir.toString(),
                "--lib", jar.toString(), "--out", "out.json"), command);
    }

    @Test
    void nothingToAnalyseBeforeTheFirstBuild() {
        SplitInputs inputs = new SplitInputs(dir, false, List.of(dir.resolve("target/classes")), List.of());
        assertFalse(SplitCommands.hasInput(inputs));
    }

    @Test
    void serveUsesAFreeLoopbackPortAndTheViewFolder() {
        assertEquals(List.of("arkpack", "split", "serve", "--analysis", "a.json", "--port", "0", "--static", "view"),
                SplitCommands.serve(Path.of("arkpack"), Path.of("a.json"), Path.of("view")));
    }

    @Test
    void applyIsADryRunUnlessAskedToWrite() {
        assertEquals(List.of("arkpack", "split", "apply", "--plan", "p.json", "--project", "proj"),
                SplitCommands.apply(Path.of("arkpack"), Path.of("p.json"), Path.of("proj"), false));
        assertEquals(List.of("arkpack", "split", "apply", "--plan", "p.json", "--project", "proj", "--write"),
                SplitCommands.apply(Path.of("arkpack"), Path.of("p.json"), Path.of("proj"), true));
    }
}
