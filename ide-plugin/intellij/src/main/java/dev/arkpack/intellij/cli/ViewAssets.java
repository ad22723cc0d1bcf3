// Copies the web view (built by ide-plugin/web into dist/ and packed into the plugin jar under
// /arkpack-view/) out of the class path into a folder that `arkpack split serve --static` can serve.
// Plain Java, tested without the SDK.
package dev.arkpack.intellij.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

public final class ViewAssets {

    /** Resource folder inside the plugin jar. */
    public static final String RESOURCE_ROOT = "arkpack-view/";
    /** Files `npm run build` always writes; the page cannot run without them. */
    public static final List<String> REQUIRED = List.of("index.html", "app.js", "app.css");
    /** Files it may write as well (source map, third-party licence texts). */
    public static final List<String> OPTIONAL = List.of("app.js.map", "app.js.LEGAL.txt");

    private ViewAssets() {
    }

    /** Extracts the view into {@code target} (created if needed) from {@code loader}'s class path. */
    public static Path extract(ClassLoader loader, Path target) throws IOException {
        Files.createDirectories(target);
        for (String name : REQUIRED) {
            if (!copy(loader, name, target)) {
                throw new IOException("the plugin jar lacks " + RESOURCE_ROOT + name + " (build ide-plugin/web first)");
            }
        }
        for (String name : OPTIONAL) {
            copy(loader, name, target);
        }
        return target;
    }

    private static boolean copy(ClassLoader loader, String name, Path target) throws IOException {
        try (InputStream in = loader.getResourceAsStream(RESOURCE_ROOT + name)) {
            if (in == null) {
                return false;
            }
            Path tmp = Files.createTempFile(target, name, ".part");
            Files.copy(in, tmp, StandardCopyOption.REPLACE_EXISTING);
            Files.move(tmp, target.resolve(name), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return true;
        }
    }
}
