// Collects what `arkpack split analyze` needs from the IntelliJ project model: each module's compiled
// production output (CompilerModuleExtension) and the library jars on the runtime class path
// (OrderEnumerator, without the JDK). IDE glue only; the command is built by cli.SplitCommands.
package dev.arkpack.intellij;

import com.intellij.openapi.application.ReadAction;
import com.intellij.openapi.module.Module;
import com.intellij.openapi.module.ModuleManager;
import com.intellij.openapi.project.Project;
import com.intellij.openapi.roots.CompilerModuleExtension;
import com.intellij.openapi.roots.OrderEnumerator;
import com.intellij.openapi.vfs.VfsUtilCore;
import com.intellij.openapi.vfs.VirtualFile;
import com.intellij.util.PathUtil;
import dev.arkpack.intellij.cli.SplitInputs;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

final class ProjectFacts {

    private ProjectFacts() {
    }

    static SplitInputs collect(Project project) {
        return ReadAction.compute(() -> {
            Path base = Path.of(project.getBasePath());
            List<Path> outputs = new ArrayList<>();
            for (Module module : ModuleManager.getInstance(project).getModules()) {
                CompilerModuleExtension compiler = CompilerModuleExtension.getInstance(module);
                if (compiler == null || compiler.getCompilerOutputUrl() == null) {
                    continue;
                }
                outputs.add(Path.of(VfsUtilCore.urlToPath(compiler.getCompilerOutputUrl())));
            }
            List<Path> libraries = new ArrayList<>();
            VirtualFile[] roots = OrderEnumerator.orderEntries(project)
                    .productionOnly()
                    .runtimeOnly()
                    .withoutSdk()
                    .librariesOnly()
                    .classes()
                    .getRoots();
            for (VirtualFile root : roots) {
                String local = PathUtil.getLocalPath(root);
                if (local != null && local.endsWith(".jar")) {
                    libraries.add(Path.of(local));
                }
            }
            boolean maven = Files.isRegularFile(base.resolve("pom.xml"));
            return new SplitInputs(base, maven, outputs, libraries);
        });
    }
}
