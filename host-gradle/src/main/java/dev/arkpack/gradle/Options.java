/*
 * How option values written in a build script become request values: a list option takes a list, a single
 * string, or a comma-separated string (as the Maven plugin's set-typed parameters do); each item is split on
 * `,`, trimmed, blanks and repeats dropped. Scalars are passed as written; arkpack validates them.
 */
package dev.arkpack.gradle;

import java.io.File;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;

import org.gradle.api.Project;

final class Options {
    private Options() {
    }

    static List<String> list(Object value) {
        List<String> out = new ArrayList<>();
        if (value == null) {
            return out;
        }
        Collection<?> items = value instanceof Collection ? (Collection<?>) value
                : value instanceof Object[] ? java.util.Arrays.asList((Object[]) value) : Collections.singletonList(value);
        for (Object item : items) {
            if (item == null) {
                continue;
            }
            for (String part : item.toString().split(",")) {
                String t = part.trim();
                if (!t.isEmpty() && !out.contains(t)) {
                    out.add(t);
                }
            }
        }
        return out;
    }

    /** A string option: null and blank mean unset. */
    static String string(Object value) {
        if (value == null) {
            return null;
        }
        String s = value.toString().trim();
        return s.isEmpty() ? null : s;
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
