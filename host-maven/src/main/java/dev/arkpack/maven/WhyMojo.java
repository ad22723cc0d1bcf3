/*
 * arkpack-maven-plugin: the Maven host of arkpack.
 *
 * Goal `why` explains one slimming decision of the last `mvn package`:
 *   mvn dev.arkpack:arkpack-maven-plugin:0.1.0-SNAPSHOT:why -Dartifact=groupId:artifactId
 * It runs `arkpack why <artifact> --report target/sofa-ark/arkpack-slim-report.json` and logs what arkpack
 * answers (kept or left to the base, the rule that decided it, a dependency path). It resolves nothing:
 * the report already holds every fact.
 */
package dev.arkpack.maven;

import java.io.File;
import java.util.Arrays;

import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

import dev.arkpack.host.ArkpackCommand;

/** Explains why a library was packaged into the biz jar or left to the base, from the slimming report. */
@Mojo(name = "why", requiresProject = true, threadSafe = true)
public class WhyMojo extends AbstractArkpackMojo {

    /** The library to explain: {@code groupId:artifactId} (also {@code groupId:artifactId:classifier}). */
    @Parameter(property = "artifact", required = true)
    private String artifact;

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        if ("pom".equals(project.getPackaging())) {
            getLog().info("arkpack: packaging pom has no biz jar; nothing to explain");
            return;
        }
        File report = RepackageMojo.slimReport(project);
        if (!report.isFile()) {
            throw new MojoFailureException("arkpack: no slimming report at " + report + "; run mvn package first "
                    + "(goal repackage writes it)");
        }
        File binary = MavenHost.binary(arkpackExecutable, getLog());
        ArkpackCommand.Output out = MavenHost.runPlain(binary,
                Arrays.asList("why", artifact.trim(), "--report", report.getAbsolutePath()));
        for (String line : out.stdout.split("\r?\n")) {
            if (!line.isEmpty()) {
                getLog().info(line);
            }
        }
        String err = out.stderr == null ? "" : out.stderr.trim();
        if (out.exitCode != 0) {
            throw new MojoFailureException("arkpack why " + artifact.trim() + " failed (exit " + out.exitCode + ")"
                    + (err.isEmpty() ? "" : ": " + err));
        }
        if (!err.isEmpty()) {
            getLog().warn(err);
        }
    }
}
