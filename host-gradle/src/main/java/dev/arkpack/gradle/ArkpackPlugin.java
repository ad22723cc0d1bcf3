/*
 * arkpack-gradle-plugin: the Gradle host of arkpack, plugin id `dev.arkpack`.
 *
 * With the `java` plugin it adds the extensions `arkpack { }` (ark-biz options, named as the Maven plugin's
 * `repackage` parameters) and `arkPlugin { }` (ark-plugin options, named as its `ark-plugin` goal), and
 * the tasks `arkBiz` and `arkPlugin`. `assemble` depends on `arkBiz`; with the id `dev.arkpack.ark-plugin`
 * (same jar) it depends on `arkPlugin` instead. The tasks collect facts and run `arkpack`; they hold no
 * packaging logic. Only APIs present in both Gradle 4.4 and 8.x are used (see README.md).
 */
package dev.arkpack.gradle;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import org.gradle.api.Plugin;
import org.gradle.api.Project;
import org.gradle.api.Task;
import org.gradle.api.artifacts.ConfigurablePublishArtifact;
import org.gradle.api.plugins.JavaPlugin;

import dev.arkpack.host.Values;

public class ArkpackPlugin implements Plugin<Project> {
    static final String BIZ_TASK = "arkBiz";
    static final String PLUGIN_TASK = "arkPlugin";
    static final String WHY_TASK = "arkWhy";

    @Override
    public void apply(Project project) {
        project.getPluginManager().apply(JavaPlugin.class);
        if (project.getExtensions().findByName("arkpack") != null) {
            return; // applied already (both ids)
        }
        ArkpackExtension biz = project.getExtensions().create("arkpack", ArkpackExtension.class, project);
        ArkPluginExtension plugin = project.getExtensions().create("arkPlugin", ArkPluginExtension.class, project);
        Task jar = project.getTasks().getByName(JavaPlugin.JAR_TASK_NAME);

        ArkBizTask bizTask = project.getTasks().create(BIZ_TASK, ArkBizTask.class);
        bizTask.dependsOn(jar);
        ArkPluginTask pluginTask = project.getTasks().create(PLUGIN_TASK, ArkPluginTask.class);
        pluginTask.dependsOn(jar);
        ArkWhyTask why = project.getTasks().create(WHY_TASK, ArkWhyTask.class);
        why.setBizTask(bizTask);

        // assemble makes the biz, or the plugin when dev.arkpack.ark-plugin is applied (decided when the graph is built)
        project.getTasks().getByName("assemble").dependsOn((Callable<List<Task>>) () -> {
            List<Task> hooked = new ArrayList<>();
            hooked.add(project.getPlugins().hasPlugin(ArkPluginPlugin.class) ? pluginTask : bizTask);
            return hooked;
        });

        project.afterEvaluate(p -> {
            if (project.getPlugins().hasPlugin(ArkPluginPlugin.class)) {
                if (plugin.isAttach() && !plugin.isSkip()) {
                    String classifier = Values.string(plugin.getClassifier());
                    project.getArtifacts().add("archives", pluginTask.getPluginFile(), a -> configure(a, classifier,
                            "ark.plugin", pluginTask));
                }
            } else if (biz.isAttach() && !biz.isSkip()) {
                if (!biz.isSkipArkExecutable()) {
                    project.getArtifacts().add("archives", bizTask.getExecutableJar(),
                            a -> configure(a, ArkBizTask.ARK_CLASSIFIER, "jar", bizTask));
                }
                if (biz.isKeepArkBizJar()) {
                    project.getArtifacts().add("archives", bizTask.getBizJar(),
                            a -> configure(a, ArkBizTask.BIZ_CLASSIFIER, "jar", bizTask));
                }
            }
        });
    }

    private static void configure(ConfigurablePublishArtifact a, String classifier, String extension, Task builtBy) {
        a.setClassifier(classifier);
        a.setExtension(extension);
        a.setType(extension);
        a.builtBy(builtBy);
    }
}
