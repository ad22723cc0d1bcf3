// Tests of copying the packed web view out of the plugin's class path.
package dev.arkpack.intellij.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ViewAssetsTest {

    @TempDir
    Path dir;

    private ClassLoader loaderWith(String... names) throws IOException {
        Path root = Files.createDirectories(dir.resolve("jar/arkpack-view"));
        for (String name : names) {
            Files.writeString(root.resolve(name), "content of " + name);
        }
        return new URLClassLoader(new URL[] {dir.resolve("jar").toUri().toURL()}, null);
    }

    @Test
    void extractsTheRequiredAndThePresentOptionalFiles() throws IOException {
        ClassLoader loader = loaderWith("index.html", "app.js", "app.css", "app.js.map");
        Path out = ViewAssets.extract(loader, dir.resolve("out/view"));
        assertEquals("content of app.js", Files.readString(out.resolve("app.js")));
        assertTrue(Files.exists(out.resolve("app.js.map")));
        assertFalse(Files.exists(out.resolve("app.js.LEGAL.txt")));
        try (var files = Files.list(out)) {
            assertEquals(4, files.count(), "no temporary files left behind");
        }
    }

    @Test
    void refusesAJarWithoutTheBuiltView() throws IOException {
        ClassLoader loader = loaderWith("index.html");
        IOException e = assertThrows(IOException.class, () -> ViewAssets.extract(loader, dir.resolve("out")));
        assertTrue(e.getMessage().contains("app.js"), e.getMessage());
    }
}
