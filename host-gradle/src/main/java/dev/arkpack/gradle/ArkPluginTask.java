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
import java.util.TreeMap;

import org.gradle.api.tasks.Input;
import org.gradle.api.tasks.Internal;
import org.gradle.api.tasks.OutputFile;
import org.gradle.api.tasks.TaskAction;

public class ArkPluginTask extends AbstractArkpackTask {
    static final String SUFFIX = ".ark.plugin";

    public ArkPluginTask() {
        setGroup("build");
        setDescription("Makes the ark-plugin jar with arkpack");
        onlyIf(t -> !ext().isSkip());
    }

    @Internal
    public ArkPluginExtension getExtension() {
        return ext();
    }

    private ArkPluginExtension ext() {
        return getProject().getExtensions().getByType(ArkPluginExtension.class);
    }

    @Override
    String extensionName() {
        return "arkPlugin";
    }

    @Override
    boolean graphFacts() {
        return false;
    }

    @Override
    boolean withProvided() {
        return false; // the official goal resolves `runtime`: compile and runtime scopes
    }

    @Override
    Object outputTimestampOption() {
        return ext().getOutputTimestamp();
    }

    /** Every option as it goes into the request (a change reruns the task). */
    @Input
    public String getSettings() {
        return Json.write(options());
    }

    @OutputFile
    public File getPluginFile() {
        String name = Options.string(ext().getPluginName() != null ? ext().getPluginName() : getProject().getName());
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
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("libraries", libraryObjects());
        request.put("project", projectCoordinates());
        Map<String, Object> module = new LinkedHashMap<>();
        module.put("jar", moduleJar().getAbsolutePath());
        request.put("module", module);
        request.putAll(options());
        ArkpackRunner.Result result = run("plugin", request, ext().getExecutable());
        getLogger().lifecycle("arkpack: wrote {}{}", getPluginFile(), summary(result.plan));
    }

    private Map<String, Object> options() {
        ArkPluginExtension e = ext();
        Map<String, Object> o = new LinkedHashMap<>();
        putString(o, "pluginName", e.getPluginName() != null ? e.getPluginName() : getProject().getName());
        putString(o, "priority", e.getPriority() == null ? null : e.getPriority().toString());
        putString(o, "description", e.getDescription() == null ? " " : e.getDescription());
        putString(o, "activator", Options.string(e.getActivator()));
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

    /** " (libraries: N packaged, ...)" from arkpack's report. */
    private static String summary(Map<String, Object> plan) {
        Map<String, Object> report = Json.object(plan, "report");
        Map<String, Integer> byDecision = new TreeMap<>();
        for (Object l : Json.list(report, "libraries")) {
            String d = Json.str(l, "decision");
            byDecision.merge(d == null ? "?" : d, 1, Integer::sum);
        }
        StringBuilder sb = new StringBuilder();
        for (Map.Entry<String, Integer> e : byDecision.entrySet()) {
            sb.append(sb.length() == 0 ? " (libraries: " : ", ").append(e.getValue()).append(' ').append(e.getKey());
        }
        return sb.length() == 0 ? "" : sb.append(')').toString();
    }
}
