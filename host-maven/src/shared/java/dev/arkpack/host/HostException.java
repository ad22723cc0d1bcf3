/*
 * Shared by both hosts (compiled into arkpack-maven-plugin and arkpack-gradle-plugin from
 * host-maven/src/shared/java): the one checked exception of this package. Its message is complete and
 * already names the user's setting in the host's terms (each host passes those names in); a host only
 * turns it into its own failure type (MojoExecutionException / MojoFailureException, GradleException).
 */
package dev.arkpack.host;

public class HostException extends Exception {
    private static final long serialVersionUID = 1L;

    public HostException(String message) {
        super(message);
    }

    public HostException(String message, Throwable cause) {
        super(message, cause);
    }
}
