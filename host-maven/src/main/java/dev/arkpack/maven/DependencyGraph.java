/*
 * The graph facts of each library for slimming (docs/request.md, "Graph facts"):
 * - `parent`: its parent in Maven's resolved, pruned tree (what `mvn dependency:tree` shows), taken from
 *   the dependency trail Maven recorded when it resolved the project; absent for a direct dependency;
 * - `dependsOn`: its direct dependencies in the full graph, every path, including the edges Maven's
 *   conflict resolution pruned. The plugin collects the graph again with the resolver's verbose conflict
 *   resolution, where a losing node stays in place (without children) next to the winner; each edge names
 *   the resolved library of that groupId:artifactId[:classifier]:type.
 * Only libraries of the request (the resolved non-test artifacts) are named.
 */
package dev.arkpack.maven;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.apache.maven.RepositoryUtils;
import org.apache.maven.artifact.Artifact;
import org.apache.maven.model.DependencyManagement;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.logging.Log;
import org.apache.maven.project.MavenProject;
import org.eclipse.aether.DefaultRepositorySystemSession;
import org.eclipse.aether.RepositorySystem;
import org.eclipse.aether.RepositorySystemSession;
import org.eclipse.aether.artifact.ArtifactTypeRegistry;
import org.eclipse.aether.collection.CollectRequest;
import org.eclipse.aether.collection.CollectResult;
import org.eclipse.aether.collection.DependencyCollectionException;
import org.eclipse.aether.graph.DependencyNode;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;

import dev.arkpack.host.Coordinates;

final class DependencyGraph {
    /** maven-resolver's ConflictResolver.CONFIG_KEY_VERBOSE (a string, so no resolver-util classes are needed). */
    static final String VERBOSE_KEY = "aether.conflictResolver.verbose";

    /** Library id ({@code g:a[:classifier]:type}) to the ids of its direct dependencies in the full graph. */
    private final Map<String, Set<String>> dependsOn = new HashMap<>();
    /** Maven's artifact id ({@code g:a:type[:classifier]:version}, as in dependency trails) to the library id. */
    private final Map<String, String> byMavenId = new HashMap<>();

    private DependencyGraph() {
    }

    /** The request's id of a library: {@code groupId:artifactId[:classifier]:type}. */
    static String id(String groupId, String artifactId, String classifier, String extension) {
        return Coordinates.id(groupId, artifactId, classifier, extension);
    }

    static String id(Artifact a) {
        return id(a.getGroupId(), a.getArtifactId(), a.getClassifier(), a.getArtifactHandler().getExtension());
    }

    private static String id(org.eclipse.aether.artifact.Artifact a) {
        return id(a.getGroupId(), a.getArtifactId(), a.getClassifier(), a.getExtension());
    }

    /** Collects the project's full dependency graph (no artifact is downloaded: collection reads POMs only). */
    static DependencyGraph collect(MavenProject project, Set<Artifact> libraries, RepositorySystem system,
            RepositorySystemSession session, Log log) throws MojoExecutionException {
        DependencyGraph g = new DependencyGraph();
        for (Artifact a : libraries) {
            String id = id(a);
            g.dependsOn.put(id, new TreeSet<>());
            g.byMavenId.put(a.getId(), id);
        }

        ArtifactTypeRegistry types = session.getArtifactTypeRegistry();
        CollectRequest request = new CollectRequest();
        request.setRootArtifact(RepositoryUtils.toArtifact(project.getArtifact()));
        request.setRepositories(project.getRemoteProjectRepositories());
        for (org.apache.maven.model.Dependency d : project.getDependencies()) {
            request.addDependency(RepositoryUtils.toDependency(d, types));
        }
        DependencyManagement dm = project.getDependencyManagement();
        if (dm != null) {
            for (org.apache.maven.model.Dependency d : dm.getDependencies()) {
                request.addManagedDependency(RepositoryUtils.toDependency(d, types));
            }
        }
        DefaultRepositorySystemSession verbose = new DefaultRepositorySystemSession(session);
        verbose.setConfigProperty(VERBOSE_KEY, verbosity(session));
        CollectResult result;
        try {
            result = system.collectDependencies(verbose, request);
        } catch (DependencyCollectionException e) {
            throw new MojoExecutionException("arkpack: cannot collect the full dependency graph of " + project.getId()
                    + " for slimming: " + e.getMessage(), e);
        }
        g.walk(result.getRoot(), true, Collections.newSetFromMap(new IdentityHashMap<>()));
        log.debug("arkpack: full dependency graph: " + g.dependsOn);
        return g;
    }

    /**
     * The value that keeps every losing node: {@code true} for maven-resolver 1.x before 1.9; from 1.9 on the
     * key takes a verbosity, and only {@code FULL} keeps a loser that has the winner's version (a library
     * needed by two parents, the very edge slimming must see).
     */
    private static Object verbosity(RepositorySystemSession session) {
        Object transformer = session.getDependencyGraphTransformer();
        ClassLoader cl = transformer != null ? transformer.getClass().getClassLoader() : DependencyGraph.class.getClassLoader();
        try {
            Class.forName("org.eclipse.aether.util.graph.transformer.ConflictResolver$Verbosity", false, cl);
            return "FULL";
        } catch (ClassNotFoundException | LinkageError e) {
            return Boolean.TRUE;
        }
    }

    private void walk(DependencyNode node, boolean root, Set<DependencyNode> seen) {
        if (!seen.add(node)) {
            return; // a cycle
        }
        String from = root || node.getArtifact() == null ? null : id(node.getArtifact());
        for (DependencyNode child : node.getChildren()) {
            if (child.getArtifact() == null) {
                continue;
            }
            String to = id(child.getArtifact());
            if (from != null && !from.equals(to) && dependsOn.containsKey(from) && dependsOn.containsKey(to)) {
                dependsOn.get(from).add(to);
            }
            walk(child, false, seen);
        }
    }

    /** Adds {@code parent} (when the library is not a direct dependency) and {@code dependsOn} to a request library. */
    void describe(Artifact a, JsonObject library) {
        String parent = parentOf(a);
        if (parent != null) {
            library.addProperty("parent", parent);
        }
        JsonArray deps = new JsonArray();
        Set<String> ids = dependsOn.get(id(a));
        if (ids != null) {
            ids.forEach(deps::add);
        }
        library.add("dependsOn", deps);
    }

    /** The library before this one in Maven's dependency trail (project, ..., parent, artifact); null for a direct one. */
    private String parentOf(Artifact a) {
        List<String> trail = a.getDependencyTrail() == null ? new ArrayList<>() : a.getDependencyTrail();
        if (trail.size() < 3) {
            return null;
        }
        return byMavenId.get(trail.get(trail.size() - 2));
    }
}
