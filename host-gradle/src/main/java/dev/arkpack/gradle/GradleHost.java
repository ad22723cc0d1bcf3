/*
 * The Gradle host's adapter to the code both hosts share (package dev.arkpack.host, compiled into this jar
 * from host-maven/src/shared/java): Gradle's Logger as the shared HostLog, the shared failures as
 * GradleExceptions, and every name in build-script terms: the core's field (`priority`, `biz-name`,
 * `exported.packages`) becomes the option as the user writes it (`arkpack.priority`, `arkpack.bizName`,
 * `arkPlugin.exported.packages`). This mapping is the only place where core names meet Gradle names.
 */
package dev.arkpack.gradle;

import java.io.File;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.gradle.api.GradleException;
import org.gradle.api.logging.Logger;

import dev.arkpack.host.ArkpackBinary;
import dev.arkpack.host.ArkpackCommand;
import dev.arkpack.host.ExcludesUrl;
import dev.arkpack.host.HostException;
import dev.arkpack.host.HostLog;

final class GradleHost {
    private GradleHost() {
    }

    /** Core or request names that are not just the option name in kebab case. */
    private static final Map<String, String> SPECIAL = new HashMap<>();

    static {
        SPECIAL.put("injectExportPackages", "injectPluginExportPackages");
        SPECIAL.put("executable.arkVersion", "arkVersion");
        SPECIAL.put("executable", "skipArkExecutable");
        SPECIAL.put("buildInfo.git", "disableGitInfo");
        SPECIAL.put("packExcludesUrl.body", "packExcludesUrl");
        SPECIAL.put("packExcludesUrl.url", "packExcludesUrl");
    }

    /**
     * The option a core field stands for, as written in the build script: {@code extension.option}; null for
     * facts the user did not write (libraries, the module jar).
     */
    static String optionName(String extension, String field) {
        if (field == null || field.isEmpty()) {
            return null;
        }
        String camel = camel(field);
        if (camel.equals("confDir") || camel.equals("confFiles")) {
            return "the conf/ folder (" + extension + ".baseDir/conf)";
        }
        if (camel.equals("declaredWhitelist")) {
            return "declared.libraries.whitelist (conf/ark/bootstrap.properties)";
        }
        if (camel.startsWith("module") || camel.startsWith("libraries") || camel.startsWith("project")
                || camel.startsWith("buildInfo.buildTime") || camel.equals("output")) {
            return "the " + field + " fact";
        }
        String mapped = SPECIAL.getOrDefault(camel, camel);
        return extension + "." + mapped;
    }

    /** {@code deny-import-packages} to {@code denyImportPackages}, per dot-separated part. */
    static String camel(String field) {
        StringBuilder sb = new StringBuilder();
        boolean up = false;
        for (char c : field.toCharArray()) {
            if (c == '-' || c == '_') {
                up = true;
            } else {
                sb.append(up ? Character.toUpperCase(c) : c);
                up = false;
            }
        }
        return sb.toString();
    }

    /**
     * Gradle's logger for the shared code: info is lifecycle (shown by default, as Maven's info is), and
     * arkpack's error diagnostics are warnings (the GradleException that follows is the build's error).
     */
    static HostLog log(Logger log) {
        return new HostLog(log::debug, log::lifecycle, log::warn, log::warn);
    }

    /**
     * The arkpack command: the option {@code optionName} ({@code option}, already a file, null if unset), else
     * ARKPACK_BIN, else the binary embedded in this jar.
     */
    static File binary(File option, String optionName, Logger log) {
        ArkpackBinary binary = new ArkpackBinary(optionName, platform -> "arkpack: this arkpack-gradle-plugin carries "
                + "no arkpack binary for " + platform + ". Build arkpack for it and set " + optionName
                + " = file('/path/to/arkpack') or the environment variable ARKPACK_BIN.", log(log));
        try {
            return binary.locate(option);
        } catch (HostException e) {
            throw failure(e);
        }
    }

    /** Runs {@code arkpack <args>}, its stderr merged into its stdout (task arkWhy). */
    static ArkpackCommand.Output runPlain(File binary, List<String> args) {
        try {
            return ArkpackCommand.runPlain(binary, args, true);
        } catch (HostException e) {
            throw failure(e);
        }
    }

    /**
     * Runs {@code arkpack <command>} ({@code biz} or {@code plugin}) on the request file and renders its
     * diagnostics; a failure names the option of {@code extension}.
     */
    static ArkpackCommand.Result run(File binary, String command, File requestFile, Logger log, String extension) {
        ArkpackCommand.Result result;
        try {
            result = ArkpackCommand.run(binary, command, requestFile, log(log));
        } catch (HostException e) {
            throw failure(e);
        }
        result.renderDiagnostics(log(log), location -> location.contains("/") || location.contains(":")
                ? location : optionName(extension, location));
        if (!result.ok) {
            throw new GradleException(result.failureMessage(field -> optionName(extension, field), requestFile));
        }
        return result;
    }

    /** The body at {@code arkpack.packExcludesUrl}; any failure fails the build. */
    static String fetchPackExcludesUrl(String url, Logger log) {
        try {
            return ExcludesUrl.fetch(url, "arkpack.packExcludesUrl", log(log));
        } catch (HostException e) {
            throw failure(e);
        }
    }

    private static GradleException failure(HostException e) {
        return new GradleException(e.getMessage(), e.getCause());
    }
}
