/*
 * The resolved dependencies of a Gradle project as arkpack request libraries (docs/request.md): coordinates,
 * scope, file and the graph facts `parent` and `dependsOn`, all read from what Gradle resolved, so Gradle's
 * own `exclude`, dependency substitution and conflict resolution are already applied.
 *
 * Scopes map here and nowhere else, from the two classpaths a Java project resolves:
 *   on runtimeClasspath and compileClasspath  -> compile   (implementation, api, compile)
 *   on runtimeClasspath only                  -> runtime   (runtimeOnly)
 *   on compileClasspath only                  -> provided  (compileOnly)
 * which is what Maven's compile, runtime and provided scopes mean. Where a module resolves to different
 * versions on the two classpaths, the runtime one is the library.
 *
 * Graph facts: `parent` is the component through which a breadth-first walk of the resolved graph (runtime
 * edges first, then compile edges, each in declaration order) first reaches a library, which is Maven's
 * nearest-wins tree; `dependsOn` lists every direct edge of the component in either graph. A component
 * without artifacts (a platform or a pom) is looked through: its edges count as its dependents' edges.
 */
package dev.arkpack.gradle;

import java.io.File;
import java.lang.reflect.Method;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.gradle.api.GradleException;
import org.gradle.api.artifacts.Configuration;
import org.gradle.api.artifacts.ModuleVersionIdentifier;
import org.gradle.api.artifacts.ResolvedArtifact;
import org.gradle.api.artifacts.result.DependencyResult;
import org.gradle.api.artifacts.result.ResolvedComponentResult;
import org.gradle.api.artifacts.result.ResolvedDependencyResult;

import dev.arkpack.host.Coordinates;

final class ResolvedFacts {
    private ResolvedFacts() {
    }

    /** One request library. */
    static final class Library {
        String groupId;
        String artifactId;
        String version;
        String classifier;
        String extension;
        String scope;
        File file;
        String parent;
        final List<String> dependsOn = new ArrayList<>();

        /** {@code groupId:artifactId[:classifier]:type}, the key of the graph facts. */
        String key() {
            return Coordinates.id(groupId, artifactId, classifier, extension);
        }

        String coordinates() {
            return groupId + ":" + artifactId + ":" + version + (classifier == null || classifier.isEmpty() ? "" : ":" + classifier);
        }
    }

    /** The libraries of {@code runtime} and {@code compile} (either may be null), with graph facts if asked. */
    static List<Library> collect(Configuration runtime, Configuration compile, boolean graph) {
        Map<String, Library> byKey = new LinkedHashMap<>();
        Map<String, List<String>> keysOfModule = new LinkedHashMap<>();
        Set<String> onRuntime = new HashSet<>();
        Set<String> onCompile = new HashSet<>();
        Set<String> runtimeModules = new HashSet<>();

        Configuration[] configurations = {runtime, compile};
        for (int i = 0; i < configurations.length; i++) {
            Configuration c = configurations[i];
            if (c == null) {
                continue;
            }
            boolean isRuntime = i == 0;
            Set<String> modulesHere = new HashSet<>();
            Set<File> covered = new HashSet<>();
            for (ResolvedArtifact a : c.getResolvedConfiguration().getResolvedArtifacts()) {
                ModuleVersionIdentifier id = a.getModuleVersion().getId();
                String module = id.getGroup() + ":" + id.getName();
                covered.add(a.getFile());
                if (!isRuntime && runtimeModules.contains(module)) {
                    // the runtime classpath decided this module's version and file
                    onCompile.addAll(keysOfModule.getOrDefault(module, Collections.<String>emptyList()));
                    continue;
                }
                Library l = new Library();
                l.groupId = id.getGroup();
                l.artifactId = id.getName();
                l.version = id.getVersion();
                l.classifier = a.getClassifier();
                l.extension = a.getExtension() == null || a.getExtension().isEmpty() ? "jar" : a.getExtension();
                l.file = a.getFile();
                String key = l.key();
                if (!byKey.containsKey(key)) {
                    byKey.put(key, l);
                    keysOfModule.computeIfAbsent(module, k -> new ArrayList<>()).add(key);
                }
                (isRuntime ? onRuntime : onCompile).add(key);
                modulesHere.add(module);
            }
            for (File f : c.getFiles()) {
                if (!covered.contains(f)) {
                    throw new GradleException("arkpack: " + f + " is a file dependency of configuration '" + c.getName()
                            + "' without coordinates; arkpack needs groupId, artifactId and version for every library. "
                            + "Publish it to a repository (a flatDir or a local Maven repository will do) and depend on it "
                            + "by coordinates.");
                }
            }
            if (isRuntime) {
                runtimeModules.addAll(modulesHere);
            }
        }

        for (Library l : byKey.values()) {
            boolean r = onRuntime.contains(l.key());
            boolean p = onCompile.contains(l.key());
            l.scope = scope(r, p);
            if (l.file == null || l.file.isDirectory()) {
                throw new GradleException("arkpack: dependency " + l.coordinates() + " resolved to "
                        + (l.file == null ? "no file" : "the directory " + l.file)
                        + "; arkpack packages jars (for a project dependency, its `jar` task must run first)");
            }
        }

        if (graph) {
            addGraph(byKey, keysOfModule, runtime, compile);
        }
        return new ArrayList<>(byKey.values());
    }

    /** The one place Gradle classpaths become request scopes. */
    static String scope(boolean onRuntimeClasspath, boolean onCompileClasspath) {
        if (onRuntimeClasspath) {
            return onCompileClasspath ? "compile" : "runtime";
        }
        return "provided";
    }

    private static void addGraph(Map<String, Library> byKey, Map<String, List<String>> keysOfModule,
            Configuration runtime, Configuration compile) {
        // module -> its direct dependencies (modules), runtime graph first, then compile graph
        Map<String, LinkedHashSet<String>> edges = new LinkedHashMap<>();
        String root = null;
        for (Configuration c : new Configuration[] {runtime, compile}) {
            if (c == null) {
                continue;
            }
            ResolvedComponentResult r = c.getIncoming().getResolutionResult().getRoot();
            root = module(r);
            Deque<ResolvedComponentResult> todo = new ArrayDeque<>();
            Set<String> seen = new HashSet<>();
            todo.add(r);
            seen.add(module(r));
            while (!todo.isEmpty()) {
                ResolvedComponentResult node = todo.poll();
                LinkedHashSet<String> out = edges.computeIfAbsent(module(node), k -> new LinkedHashSet<>());
                for (DependencyResult d : node.getDependencies()) {
                    if (!(d instanceof ResolvedDependencyResult) || isConstraint(d)) {
                        continue;
                    }
                    ResolvedComponentResult child = ((ResolvedDependencyResult) d).getSelected();
                    String m = module(child);
                    if (m.equals(module(node))) {
                        continue;
                    }
                    out.add(m);
                    if (seen.add(m)) {
                        todo.add(child);
                    }
                }
            }
        }
        if (root == null) {
            return;
        }
        // parent: breadth-first over the merged edges
        Map<String, String> parentModule = new LinkedHashMap<>();
        Deque<String> queue = new ArrayDeque<>();
        Set<String> reached = new HashSet<>();
        queue.add(root);
        reached.add(root);
        while (!queue.isEmpty()) {
            String m = queue.poll();
            for (String child : edges.getOrDefault(m, new LinkedHashSet<>())) {
                if (reached.add(child)) {
                    parentModule.put(child, m);
                    queue.add(child);
                }
            }
        }
        for (Map.Entry<String, List<String>> e : keysOfModule.entrySet()) {
            String module = e.getKey();
            String parent = parentModule.get(module);
            // a parent without artifacts (a platform, a pom) is looked through
            while (parent != null && !parent.equals(root) && !keysOfModule.containsKey(parent)) {
                parent = parentModule.get(parent);
            }
            List<String> dependsOn = new ArrayList<>();
            collectDependsOn(module, edges, keysOfModule, new HashSet<>(Collections.singleton(module)), dependsOn);
            for (String key : e.getValue()) {
                Library l = byKey.get(key);
                l.parent = parent == null || parent.equals(root) ? null : keysOfModule.get(parent).get(0);
                for (String d : dependsOn) {
                    if (!d.equals(key) && !l.dependsOn.contains(d)) {
                        l.dependsOn.add(d);
                    }
                }
            }
        }
    }

    private static void collectDependsOn(String module, Map<String, LinkedHashSet<String>> edges,
            Map<String, List<String>> keysOfModule, Set<String> visited, List<String> into) {
        for (String child : edges.getOrDefault(module, new LinkedHashSet<>())) {
            List<String> keys = keysOfModule.get(child);
            if (keys != null) {
                into.addAll(keys);
            } else if (visited.add(child)) {
                collectDependsOn(child, edges, keysOfModule, visited, into);
            }
        }
    }

    private static String module(ResolvedComponentResult c) {
        ModuleVersionIdentifier id = c.getModuleVersion();
        return id == null ? c.getId().getDisplayName() : id.getGroup() + ":" + id.getName();
    }

    /** Gradle 5+ reports dependency constraints as edges too; they are not dependencies. Absent in 4.4. */
    private static boolean isConstraint(DependencyResult d) {
        try {
            Method m = d.getClass().getMethod("isConstraint");
            return Boolean.TRUE.equals(m.invoke(d));
        } catch (ReflectiveOperationException | RuntimeException e) {
            return false;
        }
    }
}
