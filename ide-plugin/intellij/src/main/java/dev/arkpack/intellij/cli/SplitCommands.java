// The `arkpack split` command lines the IntelliJ host runs (analyze, serve, apply), built from plain
// values. Keeping them here, apart from the IDE glue, lets them be unit-tested without the SDK and
// keeps the host thin: it only collects facts and runs these commands.
package dev.arkpack.intellij.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

public final class SplitCommands {

    private SplitCommands() {
    }

    /**
     * {@code arkpack split analyze}: a Maven project is read through its POMs (so plans can name source
     * files); otherwise each compiled output folder is one {@code --app}. Libraries are passed as
     * {@code --lib}, each once, in the IDE's order. Folders that do not exist are left out.
     */
    public static List<String> analyze(Path arkpack, SplitInputs inputs, Path out) {
        List<String> command = new ArrayList<>(List.of(arkpack.toString(), "split", "analyze"));
        if (inputs.mavenProject()) {
            command.add("--maven-project");
            command.add(inputs.projectDir().toString());
        } else {
            for (Path dir : unique(inputs.classOutputs())) {
                if (dir.toFile().isDirectory()) {
                    command.add("--app");
                    command.add(dir.toString());
                }
            }
        }
        for (Path jar : unique(inputs.libraries())) {
            if (jar.toFile().isFile()) {
                command.add("--lib");
                command.add(jar.toString());
            }
        }
        command.add("--out");
        command.add(out.toString());
        return command;
    }

    /** True when {@link #analyze} would have something to read. */
    public static boolean hasInput(SplitInputs inputs) {
        return inputs.mavenProject() || inputs.classOutputs().stream().anyMatch(p -> p.toFile().isDirectory());
    }

    /** {@code arkpack split serve} on a free loopback port, serving the view from {@code staticDir}. */
    public static List<String> serve(Path arkpack, Path analysis, Path staticDir) {
        return List.of(arkpack.toString(), "split", "serve", "--analysis", analysis.toString(), "--port", "0",
                "--static", staticDir.toString());
    }

    /** {@code arkpack split apply}: a dry run unless {@code write}. */
    public static List<String> apply(Path arkpack, Path plan, Path projectDir, boolean write) {
        List<String> command = new ArrayList<>(List.of(arkpack.toString(), "split", "apply", "--plan", plan.toString(),
                "--project", projectDir.toString()));
        if (write) {
            command.add("--write");
        }
        return command;
    }

    private static Set<Path> unique(List<Path> paths) {
        Set<Path> out = new LinkedHashSet<>();
        for (Path p : paths) {
            out.add(p.toAbsolutePath().normalize());
        }
        return out;
    }
}
