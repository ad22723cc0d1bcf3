/*
 * The `arkPlugin { ... }` block: the options of task `arkPlugin`, named as the Maven plugin's `ark-plugin`
 * goal parameters (which are sofa-ark-plugin-maven-plugin's), with the same defaults:
 *
 *   arkPlugin {
 *     activator = 'com.example.GreeterActivator'
 *     exported { packages = ['com.example.api.*'] }
 *     shades = ['com.google.code.findbugs:jsr305:3.0.2']
 *   }
 */
package dev.arkpack.gradle;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.gradle.api.Action;
import org.gradle.api.Project;

public class ArkPluginExtension {
    private final Project project;

    private Object outputDirectory;
    private String pluginName;
    private String description = " ";
    private Object priority = "100";
    private String activator;
    private final Exported exported = new Exported();
    private final Imported imported = new Imported();
    private Object excludes;
    private Object excludeGroupIds;
    private Object excludeArtifactIds;
    private Object shades;
    private boolean attach = true;
    private String classifier = "";
    private boolean exportPluginClass = true;
    private boolean strict;
    private boolean skip;
    private Object outputTimestamp;
    private Object executable;

    public ArkPluginExtension(Project project) {
        this.project = project;
    }

    /** {@code exported { mode, packages, classes, resources }}. */
    public static class Exported {
        private String mode;
        private Object packages;
        private Object classes;
        private Object resources;

        public String getMode() {
            return mode;
        }

        public void setMode(String v) {
            mode = v;
        }

        public List<String> getPackages() {
            return Options.list(packages);
        }

        public void setPackages(Object v) {
            packages = v;
        }

        public List<String> getClasses() {
            return Options.list(classes);
        }

        public void setClasses(Object v) {
            classes = v;
        }

        public List<String> getResources() {
            return Options.list(resources);
        }

        public void setResources(Object v) {
            resources = v;
        }

        Map<String, Object> fields() {
            Map<String, Object> f = new LinkedHashMap<>();
            f.put("mode", Options.string(mode));
            f.put("packages", getPackages());
            f.put("classes", getClasses());
            f.put("resources", getResources());
            return f;
        }
    }

    /** {@code imported { packages, classes, resources }}. */
    public static class Imported {
        private Object packages;
        private Object classes;
        private Object resources;

        public List<String> getPackages() {
            return Options.list(packages);
        }

        public void setPackages(Object v) {
            packages = v;
        }

        public List<String> getClasses() {
            return Options.list(classes);
        }

        public void setClasses(Object v) {
            classes = v;
        }

        public List<String> getResources() {
            return Options.list(resources);
        }

        public void setResources(Object v) {
            resources = v;
        }

        Map<String, Object> fields() {
            Map<String, Object> f = new LinkedHashMap<>();
            f.put("packages", getPackages());
            f.put("classes", getClasses());
            f.put("resources", getResources());
            return f;
        }
    }

    /** Where {@code <pluginName>.ark.plugin} goes (default {@code build/libs}). */
    public Object getOutputDirectory() {
        return outputDirectory != null ? outputDirectory : Options.buildDir(project).toPath().resolve("libs").toFile();
    }

    public void setOutputDirectory(Object v) {
        outputDirectory = v;
    }

    /** Default {@code project.name}. */
    public String getPluginName() {
        return pluginName;
    }

    public void setPluginName(String v) {
        pluginName = v;
    }

    public String getDescription() {
        return description;
    }

    public void setDescription(String v) {
        description = v;
    }

    public Object getPriority() {
        return priority;
    }

    public void setPriority(Object v) {
        priority = v;
    }

    public String getActivator() {
        return activator;
    }

    public void setActivator(String v) {
        activator = v;
    }

    public Exported getExported() {
        return exported;
    }

    public void exported(Action<? super Exported> action) {
        action.execute(exported);
    }

    public Imported getImported() {
        return imported;
    }

    public void imported(Action<? super Imported> action) {
        action.execute(imported);
    }

    public List<String> getExcludes() {
        return Options.list(excludes);
    }

    public void setExcludes(Object v) {
        excludes = v;
    }

    public List<String> getExcludeGroupIds() {
        return Options.list(excludeGroupIds);
    }

    public void setExcludeGroupIds(Object v) {
        excludeGroupIds = v;
    }

    public List<String> getExcludeArtifactIds() {
        return Options.list(excludeArtifactIds);
    }

    public void setExcludeArtifactIds(Object v) {
        excludeArtifactIds = v;
    }

    /** {@code groupId:artifactId:version[:classifier]} items unpacked at the plugin root. */
    public List<String> getShades() {
        return Options.list(shades);
    }

    public void setShades(Object v) {
        shades = v;
    }

    /** Add the plugin to the {@code archives} configuration (extension {@code ark.plugin}, with {@code classifier}). */
    public boolean isAttach() {
        return attach;
    }

    public void setAttach(boolean v) {
        attach = v;
    }

    public String getClassifier() {
        return classifier;
    }

    public void setClassifier(String v) {
        classifier = v;
    }

    public boolean isExportPluginClass() {
        return exportPluginClass;
    }

    public void setExportPluginClass(boolean v) {
        exportPluginClass = v;
    }

    public boolean isStrict() {
        return strict;
    }

    public void setStrict(boolean v) {
        strict = v;
    }

    public boolean isSkip() {
        return skip;
    }

    public void setSkip(boolean v) {
        skip = v;
    }

    public Object getOutputTimestamp() {
        return outputTimestamp;
    }

    public void setOutputTimestamp(Object v) {
        outputTimestamp = v;
    }

    public Object getExecutable() {
        return executable;
    }

    public void setExecutable(Object v) {
        executable = v;
    }
}
