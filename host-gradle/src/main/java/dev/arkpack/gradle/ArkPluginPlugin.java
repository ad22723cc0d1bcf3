/*
 * Plugin id `dev.arkpack.ark-plugin`: the same as `dev.arkpack`, for an ark-plugin project: `assemble`
 * depends on task `arkPlugin` instead of `arkBiz` (as a Maven project binds the `ark-plugin` goal).
 */
package dev.arkpack.gradle;

import org.gradle.api.Plugin;
import org.gradle.api.Project;

public class ArkPluginPlugin implements Plugin<Project> {
    @Override
    public void apply(Project project) {
        project.getPluginManager().apply(ArkpackPlugin.class);
    }
}
