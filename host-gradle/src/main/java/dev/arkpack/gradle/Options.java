/*
 * Gradle's side of how option values become request values: folders and files through the project. Lists
 * and strings are read as the Maven host reads them (dev.arkpack.host.Values).
 */
package dev.arkpack.gradle;

import java.io.File;

import org.gradle.api.Project;

final class Options {
    private Options() {
    }

    /**
     * The project's build folder through ProjectLayout (Gradle 4.1+), not Project.getBuildDir(), which
     * Gradle 8.3 deprecated.
     */
    static File buildDir(Project project) {
        return project.getLayout().getBuildDirectory().get().getAsFile();
    }

    /** A file option resolved against the project folder (anything {@code project.file()} takes). */
    static File file(Project project, Object value) {
        return value == null ? null : project.file(value);
    }
}
