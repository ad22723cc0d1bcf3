// What the IDE knows about a project that `arkpack split analyze` needs: the project folder, whether it
// is a Maven project (then arkpack reads its modules and source folders itself), the compiled output
// folders of its modules and its library jars. Plain Java: no IntelliJ types, so it is tested without
// the SDK.
package dev.arkpack.intellij.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/** Facts collected by the IDE host, handed to {@link SplitCommands}. */
public record SplitInputs(Path projectDir, boolean mavenProject, List<Path> classOutputs, List<Path> libraries) {

    public SplitInputs {
        Objects.requireNonNull(projectDir, "projectDir");
        classOutputs = List.copyOf(classOutputs);
        libraries = List.copyOf(libraries);
    }
}
