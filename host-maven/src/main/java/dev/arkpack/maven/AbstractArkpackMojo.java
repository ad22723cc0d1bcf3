package dev.arkpack.maven;

import java.io.File;

import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugins.annotations.Component;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;
import org.apache.maven.project.MavenProjectHelper;

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
}
