package dev.arkpack.maven;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;

import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Component;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;
import org.apache.maven.project.MavenProjectHelper;

import dev.arkpack.host.ArkpackCommand;

/** What every arkpack goal shares: the project, attaching outputs, the binary to run and the output timestamp. */
public abstract class AbstractArkpackMojo extends AbstractMojo {

    @Parameter(defaultValue = "${project}", readonly = true, required = true)
    protected MavenProject project;

    @Component
    protected MavenProjectHelper projectHelper;

    /** The {@code arkpack} binary to run instead of the embedded one (the environment variable ARKPACK_BIN also does). */
    @Parameter(property = "arkpack.executable")
    protected File arkpackExecutable;

    /** Reproducible builds: the time of every entry and of {@code build-time} (ISO-8601 or epoch seconds). */
    @Parameter(defaultValue = "${project.build.outputTimestamp}")
    protected String outputTimestamp;

    /**
     * Writes the request to {@code requestFile} (kept, so `arkpack ... --request FILE` can replay it), runs
     * {@code arkpack <command>} on it and renders its diagnostics; a failure names the POM parameter.
     */
    ArkpackCommand.Result runArkpack(String command, RequestBuilder request, File requestFile)
            throws MojoExecutionException, MojoFailureException {
        try {
            Files.createDirectories(requestFile.getParentFile().toPath());
            Files.write(requestFile.toPath(), request.toJson().getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new MojoExecutionException("arkpack: cannot write " + requestFile + ": " + e.getMessage(), e);
        }
        File binary = MavenHost.binary(arkpackExecutable, getLog());
        getLog().debug("arkpack: running " + binary + " " + command + " on " + requestFile);
        return MavenHost.run(binary, command, requestFile, getLog());
    }
}
