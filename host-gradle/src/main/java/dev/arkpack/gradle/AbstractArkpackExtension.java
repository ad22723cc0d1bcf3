/*
 * What the blocks `arkpack { ... }` (ArkpackExtension) and `arkPlugin { ... }` (ArkPluginExtension) share:
 * the options both Maven goals have, with the same names and defaults (attach's default differs: the
 * official ark-plugin goal attaches, repackage does not). List options take a list or a comma-separated
 * string. Values are read when the task runs, so they can be set anywhere in the script.
 */
package dev.arkpack.gradle;

import java.util.List;

import org.gradle.api.Project;

import dev.arkpack.host.Values;

public abstract class AbstractArkpackExtension {
    private final Project project;

    private Object outputDirectory;
    private Object priority = "100";
    private boolean attach;
    private Object excludes;
    private Object excludeGroupIds;
    private Object excludeArtifactIds;
    private boolean skip;
    private Object outputTimestamp;
    private Object executable;

    AbstractArkpackExtension(Project project, boolean attach) {
        this.project = project;
        this.attach = attach;
    }

    Project project() {
        return project;
    }

    /** Where the jars go (default {@code build/libs}). */
    public Object getOutputDirectory() {
        return outputDirectory != null ? outputDirectory : Options.buildDir(project).toPath().resolve("libs").toFile();
    }

    public void setOutputDirectory(Object v) {
        outputDirectory = v;
    }

    /** {@code priority} (lower starts earlier): a number or a string; arkpack checks it. */
    public Object getPriority() {
        return priority;
    }

    public void setPriority(Object v) {
        priority = v;
    }

    /** Add the task's output to the {@code archives} configuration. */
    public boolean isAttach() {
        return attach;
    }

    public void setAttach(boolean v) {
        attach = v;
    }

    public List<String> getExcludes() {
        return Values.list(excludes);
    }

    public void setExcludes(Object v) {
        excludes = v;
    }

    public List<String> getExcludeGroupIds() {
        return Values.list(excludeGroupIds);
    }

    public void setExcludeGroupIds(Object v) {
        excludeGroupIds = v;
    }

    public List<String> getExcludeArtifactIds() {
        return Values.list(excludeArtifactIds);
    }

    public void setExcludeArtifactIds(Object v) {
        excludeArtifactIds = v;
    }

    public boolean isSkip() {
        return skip;
    }

    public void setSkip(boolean v) {
        skip = v;
    }

    /** Entry times and {@code build-time}: ISO-8601 or epoch seconds (default: SOURCE_DATE_EPOCH, else now). */
    public Object getOutputTimestamp() {
        return outputTimestamp;
    }

    public void setOutputTimestamp(Object v) {
        outputTimestamp = v;
    }

    /** The {@code arkpack} binary to run instead of the embedded one (ARKPACK_BIN also does). */
    public Object getExecutable() {
        return executable;
    }

    public void setExecutable(Object v) {
        executable = v;
    }
}
