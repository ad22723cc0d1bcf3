/*
 * Task `arkPlugin`: the ark-plugin jar `<outputDirectory>/<pluginName>.ark.plugin`, made by `arkpack plugin`.
 * The twin of the Maven plugin's `ark-plugin` goal: the options of `arkPlugin { }` go to arkpack verbatim,
 * with the runtime libraries (compile and runtime scopes, as the official goal resolves them).
 */
package dev.arkpack.gradle;

import java.io.File;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.gradle.api.tasks.Input;
import org.gradle.api.tasks.OutputFile;
import org.gradle.api.tasks.TaskAction;

import dev.arkpack.host.ArkpackCommand;
import dev.arkpack.host.Json;
import dev.arkpack.host.Values;

public class ArkPluginTask extends AbstractArkpackTask<ArkPluginExtension> {
    static final String SUFFIX = ".ark.plugin";

    public ArkPluginTask() {
        super(ArkPluginExtension.class, "arkPlugin", "Makes the ark-plugin jar with arkpack");
    }

    @Override
    boolean graphFacts() {
        return false;
    }

    @Override
    boolean withProvided() {
        return false; // the official goal resolves `runtime`: compile and runtime scopes
    }

    /** Every option as it goes into the request (a change reruns the task). */
    @Input
    public String getSettings() {
        return Json.write(options());
    }

    @OutputFile
    public File getPluginFile() {
        String name = Values.string(ext().getPluginName() != null ? ext().getPluginName() : getProject().getName());
        // An empty name is sent as it is: arkpack rejects it and the message names arkPlugin.pluginName.
        return new File(getProject().file(ext().getOutputDirectory()), (name == null ? "_" : name) + SUFFIX);
    }

    @Override
    @OutputFile
    public File getRequestFile() {
        return new File(new File(Options.buildDir(getProject()), "sofa-ark"), "arkpack-plugin-request.json");
    }

    @TaskAction
    public void arkPlugin() {
        Map<String, Object> request = newRequest();
        request.putAll(options());
        ArkpackCommand.Result result = run("plugin", request);
        getLogger().lifecycle("arkpack: wrote {}{}", getPluginFile(), result.librarySummary());
    }

    private Map<String, Object> options() {
        ArkPluginExtension e = ext();
        Map<String, Object> o = new LinkedHashMap<>();
        putString(o, "pluginName", e.getPluginName() != null ? e.getPluginName() : getProject().getName());
        putString(o, "priority", e.getPriority() == null ? null : e.getPriority().toString());
        putString(o, "description", e.getDescription() == null ? " " : e.getDescription());
        putString(o, "activator", Values.string(e.getActivator()));
        putObject(o, "exported", e.getExported().fields());
        putObject(o, "imported", e.getImported().fields());
        putList(o, "excludes", e.getExcludes());
        putList(o, "excludeGroupIds", e.getExcludeGroupIds());
        putList(o, "excludeArtifactIds", e.getExcludeArtifactIds());
        putList(o, "shades", e.getShades());
        o.put("exportPluginClass", e.isExportPluginClass());
        if (e.isStrict()) {
            o.put("strict", true);
        }
        putString(o, "outputTimestamp", getEffectiveOutputTimestamp());
        o.put("output", getPluginFile().getAbsolutePath());
        return o;
    }

    /** An object of lists and strings; empty lists, null strings and an empty object are left out. */
    private static void putObject(Map<String, Object> m, String key, Map<String, Object> fields) {
        Map<String, Object> o = new LinkedHashMap<>();
        for (Map.Entry<String, Object> f : fields.entrySet()) {
            Object v = f.getValue();
            if (v instanceof List) {
                if (!((List<?>) v).isEmpty()) {
                    o.put(f.getKey(), v);
                }
            } else if (v != null) {
                o.put(f.getKey(), v.toString());
            }
        }
        if (!o.isEmpty()) {
            m.put(key, o);
        }
    }
}
