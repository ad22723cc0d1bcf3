/*
 * Task `arkWhy`: explains one slimming decision of the last `arkBiz` run, as the Maven plugin's `why` goal:
 *   gradle arkWhy -Partifact=groupId:artifactId
 * It runs `arkpack why <artifact> --report build/sofa-ark/arkpack-slim-report.json` and prints the answer.
 * It resolves nothing: the report holds every fact.
 */
package dev.arkpack.gradle;

import java.io.File;
import java.util.Arrays;

import org.gradle.api.DefaultTask;
import org.gradle.api.GradleException;
import org.gradle.api.tasks.Internal;
import org.gradle.api.tasks.TaskAction;

import dev.arkpack.host.ArkpackCommand;

public class ArkWhyTask extends DefaultTask {
    private ArkBizTask bizTask;

    public ArkWhyTask() {
        setGroup("help");
        setDescription("Explains why a library is in the ark-biz jar or left to the base (-Partifact=groupId:artifactId)");
        getOutputs().upToDateWhen(t -> false);
    }

    @Internal
    public ArkBizTask getBizTask() {
        return bizTask;
    }

    public void setBizTask(ArkBizTask t) {
        bizTask = t;
    }

    @TaskAction
    public void why() {
        Object artifact = getProject().findProperty("artifact");
        if (artifact == null || artifact.toString().trim().isEmpty()) {
            throw new GradleException("arkpack: say which library: gradle arkWhy -Partifact=groupId:artifactId");
        }
        File report = bizTask.getSlimReportFile();
        if (report == null || !report.isFile()) {
            throw new GradleException("arkpack: no slimming report at " + report + "; run task arkBiz first (it writes it)");
        }
        File binary = GradleHost.binary(Options.file(getProject(), bizTask.getExtension().getExecutable()),
                "arkpack.executable", getLogger());
        ArkpackCommand.Output out = GradleHost.runPlain(binary,
                Arrays.asList("why", artifact.toString().trim(), "--report", report.getAbsolutePath()));
        for (String line : out.stdout.split("\r?\n")) {
            if (!line.isEmpty()) {
                getLogger().lifecycle(line);
            }
        }
        if (out.exitCode != 0) {
            throw new GradleException("arkpack why " + artifact + " failed (exit " + out.exitCode + ")");
        }
    }
}
