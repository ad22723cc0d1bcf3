/*
 * arkpack-maven-plugin: the Maven host of arkpack.
 *
 * Goal `ark-plugin` is a drop-in for com.alipay.sofa:sofa-ark-plugin-maven-plugin's goal of the same name:
 * the same parameter names, XML shapes, defaults and user properties. Like `repackage` it holds no
 * packaging logic: it collects the resolved project into an arkpack plugin request (docs/request.md,
 * "The `arkpack plugin` request"), runs `arkpack plugin` on it, renders the diagnostics through Maven's
 * log and attaches the `.ark.plugin` file as the official goal does.
 */
package dev.arkpack.maven;

import java.io.File;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.maven.artifact.Artifact;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;

import dev.arkpack.host.ArkpackCommand;
import dev.arkpack.host.Values;

/** Makes the ark-plugin jar ({@code ${outputDirectory}/${pluginName}.ark.plugin}) of a module with arkpack. */
@Mojo(name = "ark-plugin", defaultPhase = LifecyclePhase.PACKAGE, requiresProject = true, threadSafe = true,
        requiresDependencyResolution = ResolutionScope.RUNTIME)
public class ArkPluginMojo extends AbstractArkpackMojo {

    /** The file name suffix of an ark-plugin, as the official goal names it. */
    static final String SUFFIX = ".ark.plugin";

    // ---- the official plugin's parameters (names, types, defaults and properties as in 2.x) ----

    /** Where {@code ${pluginName}.ark.plugin} goes. */
    @Parameter(defaultValue = "${project.build.directory}", property = "sofa.ark.plugin.repository", required = true)
    private File outputDirectory;

    /**
     * Accepted for compatibility and not used: the official goal writes its temporary manifest and mark
     * here; arkpack writes the plugin in one step and needs no temporary files.
     */
    @Parameter(defaultValue = "${project.build.directory}/sofa-ark-maven-plugin")
    private File workDirectory;

    /** {@code pluginName} in the manifest, and the file name. */
    @Parameter(defaultValue = "${project.artifactId}")
    private String pluginName;

    /** {@code description} in the manifest (the official default is one space). */
    @Parameter(defaultValue = " ")
    private String description;

    /**
     * {@code priority} (lower starts earlier). Declared as a String (the official one is an Integer) so that
     * a bad value reaches arkpack's validation and fails with a message naming {@code <priority>}.
     */
    @Parameter(defaultValue = "100", property = "sofa.ark.plugin.priority")
    private String priority;

    /** The {@code PluginActivator} class started by the container; it must be in the plugin. */
    @Parameter
    private String activator;

    /** {@code <exported><mode/><packages><package/></packages><classes><class/></classes><resources><resource/></resources></exported>}. */
    @Parameter
    private ExportConfig exported;

    /** {@code <imported><packages><package/></packages><classes><class/></classes><resources><resource/></resources></imported>}. */
    @Parameter
    private ImportConfig imported;

    /** {@code groupId:artifactId[:classifier]} items ({@code *} for any part): left out of {@code lib/}. */
    @Parameter
    private List<String> excludes;

    /** groupIds (exact) left out of {@code lib/}. */
    @Parameter
    private List<String> excludeGroupIds;

    /** artifactIds (exact) left out of {@code lib/}. */
    @Parameter
    private List<String> excludeArtifactIds;

    /** {@code groupId:artifactId:version[:classifier]} items: unpacked at the plugin root instead of {@code lib/}. */
    @Parameter
    private List<String> shades;

    /** Install and deploy the plugin: as the main artifact file when {@code classifier} is empty, else attached. */
    @Parameter(defaultValue = "true")
    private boolean attach;

    /** Empty: the plugin replaces the main artifact file (as the official goal does); else attached with it. */
    @Parameter(defaultValue = "")
    private String classifier;

    /** Add every top-level class of the project to {@code export-classes}. */
    @Parameter(defaultValue = "true")
    private boolean exportPluginClass;

    // ---- arkpack's own parameters ----

    /**
     * Fail instead of warning when an exported pattern or class matches nothing, or when the plugin's classes
     * reference a package that it neither contains nor imports.
     */
    @Parameter(property = "arkpack.plugin.strict", defaultValue = "false")
    private boolean strict;

    /** Skip the goal. */
    @Parameter(property = "arkpack.skip", defaultValue = "false")
    private boolean skip;

    /** The XML shape of {@code <exported>}, as sofa-ark-plugin-maven-plugin's ExportConfig. */
    public static class ExportConfig {
        /** {@code classLoader} (the default when empty) or {@code override}. */
        private String mode;
        private List<String> packages;
        private List<String> classes;
        private List<String> resources;

        Map<String, Object> fields() {
            Map<String, Object> f = new LinkedHashMap<>();
            f.put("mode", mode == null || mode.trim().isEmpty() ? null : mode.trim());
            f.put("packages", Values.list(packages));
            f.put("classes", Values.list(classes));
            f.put("resources", Values.list(resources));
            return f;
        }
    }

    /** The XML shape of {@code <imported>}, as sofa-ark-plugin-maven-plugin's ImportConfig. */
    public static class ImportConfig {
        private List<String> packages;
        private List<String> classes;
        private List<String> resources;

        Map<String, Object> fields() {
            Map<String, Object> f = new LinkedHashMap<>();
            f.put("packages", Values.list(packages));
            f.put("classes", Values.list(classes));
            f.put("resources", Values.list(resources));
            return f;
        }
    }

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        if (skip) {
            getLog().info("arkpack: skipped");
            return;
        }
        if ("pom".equals(project.getPackaging())) {
            getLog().info("arkpack: packaging pom has no classes to make an ark-plugin of; skipped");
            return;
        }
        Artifact main = project.getArtifact();
        File moduleJar = RepackageMojo.moduleJar(main, "ark-plugin");

        File arkDir = new File(outputDirectory, "sofa-ark");
        File requestFile = new File(arkDir, "arkpack-plugin-request.json");
        String name = pluginName == null ? null : pluginName.trim();
        // An empty or blank name is sent as it is: arkpack rejects it and the message names <pluginName>.
        File pluginFile = new File(outputDirectory, (name == null || name.isEmpty() ? "_" : name) + SUFFIX);

        RequestBuilder request = new RequestBuilder()
                .project(main.getGroupId(), main.getArtifactId(), main.getBaseVersion())
                .moduleJar(moduleJar)
                .put("pluginName", pluginName)
                .put("priority", priority)
                .put("description", description == null ? " " : description)
                .put("activator", activator == null || activator.trim().isEmpty() ? null : activator.trim())
                .object("exported", exported == null ? new LinkedHashMap<>() : exported.fields())
                .object("imported", imported == null ? new LinkedHashMap<>() : imported.fields())
                .list("excludes", Values.list(excludes))
                .list("excludeGroupIds", Values.list(excludeGroupIds))
                .list("excludeArtifactIds", Values.list(excludeArtifactIds))
                .list("shades", Values.list(shades))
                .bool("exportPluginClass", exportPluginClass)
                .flag("strict", strict)
                .outputTimestamp(outputTimestamp)
                .output(pluginFile);
        RepackageMojo.addLibraries(request, project.getArtifacts());

        ArkpackCommand.Result result = runArkpack("plugin", request, requestFile);
        getLog().info("arkpack: wrote " + pluginFile + result.librarySummary());

        if (attach) {
            if (classifier == null || classifier.trim().isEmpty()) {
                // As the official goal: the plugin becomes the main artifact's file (installed and deployed).
                main.setFile(pluginFile);
            } else {
                projectHelper.attachArtifact(project, pluginFile, classifier.trim());
            }
        }
    }
}
