/*
 * Task `arkWhy`: explains one slimming decision of the last `arkBiz` run, as the Maven plugin's `why` goal:
 *   gradle arkWhy -Partifact=groupId:artifactId
 * It runs `arkpack why <artifact> --report build/sofa-ark/arkpack-slim-report.json` and prints the answer.
 * It resolves nothing: the report holds every fact.
 */
package dev.arkpack.gradle;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

import org.gradle.api.DefaultTask;
import org.gradle.api.GradleException;
import org.gradle.api.tasks.Internal;
import org.gradle.api.tasks.TaskAction;

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
        File binary = ArkpackBinary.locate(Options.file(getProject(), bizTask.getExtension().getExecutable()),
                "arkpack.executable");
        List<String> cmd = Arrays.asList(binary.getAbsolutePath(), "why", artifact.toString().trim(), "--report",
                report.getAbsolutePath());
        try {
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            p.getOutputStream().close();
            String out = new String(ArkpackBinary.readAll(p.getInputStream()), StandardCharsets.UTF_8);
            int exit = p.waitFor();
            for (String line : out.split("\r?\n")) {
                if (!line.isEmpty()) {
                    getLogger().lifecycle(line);
                }
            }
            if (exit != 0) {
                throw new GradleException("arkpack why " + artifact + " failed (exit " + exit + ")");
            }
        } catch (IOException e) {
            throw new GradleException("arkpack: cannot run " + binary + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new GradleException("arkpack: interrupted");
        }
    }
}
