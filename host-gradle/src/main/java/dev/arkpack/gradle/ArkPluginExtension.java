/*
 * The `arkPlugin { ... }` block: the options of task `arkPlugin`, named as the Maven plugin's `ark-plugin`
 * goal parameters (which are sofa-ark-plugin-maven-plugin's), with the same defaults (the ones task arkBiz
 * has too are in AbstractArkpackExtension; attach defaults to true here and adds the plugin to the
 * {@code archives} configuration, extension {@code ark.plugin}, with {@code classifier}):
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

import dev.arkpack.host.Values;

public class ArkPluginExtension extends AbstractArkpackExtension {
    private String pluginName;
    private String description = " ";
    private String activator;
    private final Exported exported = new Exported();
    private final Imported imported = new Imported();
    private Object shades;
    private String classifier = "";
    private boolean exportPluginClass = true;
    private boolean strict;

    public ArkPluginExtension(Project project) {
        super(project, true);
    }

    /** {@code packages, classes, resources}: what {@code exported} and {@code imported} both list. */
    public static class Patterns {
        private Object packages;
        private Object classes;
        private Object resources;

        public List<String> getPackages() {
            return Values.list(packages);
        }

        public void setPackages(Object v) {
            packages = v;
        }

        public List<String> getClasses() {
            return Values.list(classes);
        }

        public void setClasses(Object v) {
            classes = v;
        }

        public List<String> getResources() {
            return Values.list(resources);
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

    /** {@code exported { mode, packages, classes, resources }}. */
    public static class Exported extends Patterns {
        private String mode;

        public String getMode() {
            return mode;
        }

        public void setMode(String v) {
            mode = v;
        }

        @Override
        Map<String, Object> fields() {
            Map<String, Object> f = new LinkedHashMap<>();
            f.put("mode", Values.string(mode));
            f.putAll(super.fields());
            return f;
        }
    }

    /** {@code imported { packages, classes, resources }}. */
    public static class Imported extends Patterns {
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

    /** {@code groupId:artifactId:version[:classifier]} items unpacked at the plugin root. */
    public List<String> getShades() {
        return Values.list(shades);
    }

    public void setShades(Object v) {
        shades = v;
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
}
