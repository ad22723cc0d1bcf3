/*
 * The POM facts base-aware slimming needs (docs/request.md, `parents` and `importedBoms`):
 * - the module's ancestor POMs, nearest first, each with the dependencyManagement of its ORIGINAL model
 *   (what that POM itself declares, not what it inherits or imports), versions interpolated;
 * - the BOMs the module's own original model imports (type pom, scope import), each built through Maven's
 *   ProjectBuilder, with its parent's coordinates and its own managed entries.
 * The plugin only reports these; arkpack decides what they exclude.
 */
package dev.arkpack.maven;

import java.util.HashMap;
import java.util.Map;
import java.util.Properties;

import org.apache.maven.artifact.Artifact;
import org.apache.maven.artifact.DefaultArtifact;
import org.apache.maven.artifact.handler.DefaultArtifactHandler;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.model.Dependency;
import org.apache.maven.model.DependencyManagement;
import org.apache.maven.model.Model;
import org.apache.maven.model.Parent;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.logging.Log;
import org.apache.maven.project.DefaultProjectBuildingRequest;
import org.apache.maven.project.MavenProject;
import org.apache.maven.project.ProjectBuilder;
import org.apache.maven.project.ProjectBuildingException;
import org.apache.maven.project.ProjectBuildingRequest;
import org.eclipse.aether.RepositorySystemSession;

import com.google.gson.JsonArray;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;

import dev.arkpack.host.Placeholders;

final class ModelFacts {
    private final MavenSession session;
    private final RepositorySystemSession repoSession;
    private final ProjectBuilder projectBuilder;
    private final Log log;

    ModelFacts(MavenSession session, RepositorySystemSession repoSession, ProjectBuilder projectBuilder, Log log) {
        this.session = session;
        this.repoSession = repoSession;
        this.projectBuilder = projectBuilder;
        this.log = log;
    }

    /** {@code parents}: every ancestor of the project, nearest first. */
    JsonArray parents(MavenProject project) {
        JsonArray out = new JsonArray();
        for (MavenProject p = project.getParent(); p != null; p = p.getParent()) {
            JsonObject o = new JsonObject();
            o.addProperty("groupId", p.getGroupId());
            o.addProperty("artifactId", p.getArtifactId());
            o.addProperty("version", p.getVersion());
            o.add("managed", ownManaged(p));
            out.add(o);
        }
        return out;
    }

    /** {@code importedBoms}: the BOMs the project's own POM imports, each with its parent and own managed entries. */
    JsonArray importedBoms(MavenProject project) throws MojoExecutionException {
        JsonArray out = new JsonArray();
        DependencyManagement dm = project.getOriginalModel().getDependencyManagement();
        if (dm == null) {
            return out;
        }
        for (Dependency d : dm.getDependencies()) {
            if (!"pom".equals(d.getType()) || !"import".equals(d.getScope())) {
                continue;
            }
            String g = interpolate(d.getGroupId(), project);
            String a = interpolate(d.getArtifactId(), project);
            String v = interpolate(d.getVersion(), project);
            MavenProject bom = build(g, a, v, project);
            JsonObject o = new JsonObject();
            o.addProperty("groupId", g);
            o.addProperty("artifactId", a);
            o.addProperty("version", v);
            Parent parent = bom.getModel().getParent();
            if (parent == null) {
                o.add("parent", JsonNull.INSTANCE);
            } else {
                o.add("parent", RequestBuilder.coordinates(parent.getGroupId(), parent.getArtifactId(), parent.getVersion(), null, null));
            }
            o.add("managed", ownManaged(bom));
            out.add(o);
        }
        return out;
    }

    /** A BOM's project, built (not resolved) from the repositories the module uses. */
    private MavenProject build(String g, String a, String v, MavenProject module) throws MojoExecutionException {
        Artifact pom = new DefaultArtifact(g, a, v, null, "pom", null, new DefaultArtifactHandler("pom"));
        ProjectBuildingRequest request = new DefaultProjectBuildingRequest(session.getProjectBuildingRequest());
        request.setRepositorySession(repoSession);
        request.setRemoteRepositories(module.getRemoteArtifactRepositories());
        request.setPluginArtifactRepositories(module.getPluginArtifactRepositories());
        request.setProcessPlugins(false);
        request.setResolveDependencies(false);
        request.setValidationLevel(org.apache.maven.model.building.ModelBuildingRequest.VALIDATION_LEVEL_MINIMAL);
        request.setProject(null);
        try {
            return projectBuilder.build(pom, false, request).getProject();
        } catch (ProjectBuildingException e) {
            throw new MojoExecutionException("arkpack: cannot read the BOM " + g + ":" + a + ":" + v
                    + " that the module imports in its <dependencyManagement>: " + e.getMessage(), e);
        }
    }

    /**
     * The entries of a POM's own (original) dependencyManagement. Coordinates are interpolated with that
     * POM's properties; the version is then taken from its effective model when the same management key is
     * there (a POM's own entry wins over what it inherits or imports, so that is the interpolated value).
     */
    private JsonArray ownManaged(MavenProject p) {
        JsonArray out = new JsonArray();
        Model original = p.getOriginalModel();
        DependencyManagement own = original == null ? null : original.getDependencyManagement();
        if (own == null) {
            return out;
        }
        Map<String, String> effective = new HashMap<>();
        DependencyManagement eff = p.getModel().getDependencyManagement();
        if (eff != null) {
            for (Dependency d : eff.getDependencies()) {
                effective.put(d.getManagementKey(), d.getVersion());
            }
        }
        for (Dependency d : own.getDependencies()) {
            String g = interpolate(d.getGroupId(), p);
            String a = interpolate(d.getArtifactId(), p);
            String type = interpolate(d.getType(), p);
            String classifier = interpolate(d.getClassifier(), p);
            Dependency key = new Dependency();
            key.setGroupId(g);
            key.setArtifactId(a);
            key.setType(type);
            key.setClassifier(classifier);
            String version = effective.containsKey(key.getManagementKey()) ? effective.get(key.getManagementKey())
                    : interpolate(d.getVersion(), p);
            out.add(RequestBuilder.coordinates(g, a, version, classifier, type));
        }
        return out;
    }

    /** `${...}` from the user properties, the POM's (effective) properties, its coordinates, then system properties. */
    private String interpolate(String value, MavenProject p) {
        String current = Placeholders.interpolate(value, name -> lookup(name, p));
        if (current != null && current.contains("${")) {
            log.debug("arkpack: " + p.getId() + ": cannot interpolate " + value + " (sent as " + current + ")");
        }
        return current;
    }

    private String lookup(String name, MavenProject p) {
        Properties user = session.getUserProperties();
        if (user != null && user.getProperty(name) != null) {
            return user.getProperty(name);
        }
        if (p.getProperties().getProperty(name) != null) {
            return p.getProperties().getProperty(name);
        }
        String key = name.startsWith("pom.") ? "project." + name.substring(4) : name;
        switch (key) {
            case "project.groupId":
                return p.getGroupId();
            case "project.artifactId":
                return p.getArtifactId();
            case "project.version":
                return p.getVersion();
            case "project.parent.groupId":
                return p.getModel().getParent() == null ? null : p.getModel().getParent().getGroupId();
            case "project.parent.version":
                return p.getModel().getParent() == null ? null : p.getModel().getParent().getVersion();
            default:
                break;
        }
        Properties sys = session.getSystemProperties();
        return sys == null ? null : sys.getProperty(name);
    }
}
