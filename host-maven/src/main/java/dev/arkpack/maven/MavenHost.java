/*
 * The Maven host's adapter to the code both hosts share (package dev.arkpack.host, compiled into this jar
 * from src/shared/java): Maven's Log as the shared HostLog, the shared failures as Mojo exceptions, and
 * every name in POM terms: the core's field names and the request's keys become the parameters as a user
 * writes them ({@code biz-name} and {@code bizName} are {@code <bizName>}, {@code exported.packages} is
 * {@code <exported><packages>}).
 */
package dev.arkpack.maven;

import java.io.File;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.logging.Log;

import dev.arkpack.host.ArkpackBinary;
import dev.arkpack.host.ArkpackCommand;
import dev.arkpack.host.ExcludesUrl;
import dev.arkpack.host.HostException;
import dev.arkpack.host.HostLog;

final class MavenHost {
    private MavenHost() {
    }

    /** The core's field names (and the request file's keys) as a user writes them in the POM. */
    private static final Map<String, String> POM_NAMES = new LinkedHashMap<>();

    /**
     * Parameters the core and the request name as the POM does: {@code bizName} (request key) and
     * {@code biz-name} (core field) both are {@code <bizName>}. The goal ark-plugin's names are
     * sofa-ark-plugin-maven-plugin's.
     */
    private static final String[] SAME_NAME_PARAMETERS = {
        "bizName", "bizVersion", "priority", "mainClass", "webContextPath",
        "denyImportPackages", "denyImportClasses", "denyImportResources", "injectPluginDependencies", "requiresUnpack",
        "pluginName", "description", "activator", "exported", "imported", "shades", "exportPluginClass",
        "excludes", "includes", "includeGroupIds", "includeArtifactIds", "excludeGroupIds", "excludeArtifactIds",
        "packExcludesConfig", "packExcludesUrl", "baseDependencyParentIdentity", "classChecks", "strict",
    };

    static {
        for (String parameter : SAME_NAME_PARAMETERS) {
            putBothSpellings(parameter, "<" + parameter + ">");
        }
        putBothSpellings("declaredWhitelist", "declared.libraries.whitelist (conf/ark/bootstrap.properties)");
        putBothSpellings("outputTimestamp", "<project.build.outputTimestamp>");
        putBothSpellings("packExcludesUrl.body", "<packExcludesUrl>");
        putBothSpellings("importedBoms", "the BOMs imported in <dependencyManagement>");
        String[][] others = {
            {"inject-export-packages", "<injectPluginExportPackages>"}, {"injectPluginExportPackages", "<injectPluginExportPackages>"},
            {"conf-files", "the conf/ folder (<baseDir>/conf)"}, {"confDir", "the conf/ folder (<baseDir>/conf)"},
            {"executable.ark-version", "<arkVersion>"},
            {"build-info.git", "the git facts (<disableGitInfo>true</disableGitInfo> leaves them out)"},
            {"build-info.build-time", "build-time"},
            {"module.jar", "the module jar"}, {"module", "the module jar"},
            {"exported.mode", "<exported><mode>"}, {"exported.packages", "<exported><packages>"},
            {"exported.classes", "<exported><classes>"}, {"exported.resources", "<exported><resources>"},
            {"imported.packages", "<imported><packages>"}, {"imported.classes", "<imported><classes>"},
            {"imported.resources", "<imported><resources>"},
            {"base", "<baseJar> / <baseArtifacts>"}, {"base.jar", "<baseJar>"}, {"base.artifacts", "<baseArtifacts>"},
            {"parents", "the module's parent POMs"},
        };
        for (String[] n : others) {
            POM_NAMES.put(n[0], n[1]);
        }
    }

    /** {@code camelCase} (the request's key) and its {@code kebab-case} form (the core's field name) as {@code pomName}. */
    private static void putBothSpellings(String camelCase, String pomName) {
        POM_NAMES.put(camelCase.replaceAll("([a-z])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT), pomName);
        POM_NAMES.put(camelCase, pomName);
    }

    /** A failed request's field in POM terms; library and input paths stay as they are. */
    static String pomName(String field) {
        if (field == null) {
            return null;
        }
        String n = POM_NAMES.get(field);
        if (n != null) {
            return n;
        }
        if (field.startsWith("project.")) {
            return "the project coordinates (" + field + ")";
        }
        return field;
    }

    /** A diagnostic's location in POM terms when it names a parameter; else as it is. */
    private static String locationName(String location) {
        return POM_NAMES.getOrDefault(location, location);
    }

    /** Maven's log for the shared code. */
    static HostLog log(Log log) {
        return new HostLog(log::debug, log::info, log::warn, log::error);
    }

    /** The arkpack command: {@code <arkpackExecutable>}, else ARKPACK_BIN, else the binary embedded in this jar. */
    static File binary(File arkpackExecutable, Log log) throws MojoExecutionException {
        ArkpackBinary binary = new ArkpackBinary("<arkpackExecutable>", platform -> "arkpack: this arkpack-maven-plugin "
                + "carries no arkpack binary for the platform " + platform + ". Build arkpack for it and set "
                + "<arkpackExecutable>/path/to/arkpack</arkpackExecutable> (or -Darkpack.executable=..., or the "
                + "environment variable ARKPACK_BIN).", log(log));
        try {
            return binary.locate(arkpackExecutable);
        } catch (HostException e) {
            throw new MojoExecutionException(e.getMessage(), e.getCause());
        }
    }

    /** Runs {@code arkpack <args>} (goal {@code why}). */
    static ArkpackCommand.Output runPlain(File binary, List<String> args) throws MojoExecutionException {
        try {
            return ArkpackCommand.runPlain(binary, args, false);
        } catch (HostException e) {
            throw new MojoExecutionException(e.getMessage(), e.getCause());
        }
    }

    /**
     * Runs {@code arkpack <command>} ({@code biz} or {@code plugin}) on the request file and renders its
     * diagnostics in Maven's log; a failure names the POM parameter.
     */
    static ArkpackCommand.Result run(File binary, String command, File requestFile, Log log)
            throws MojoExecutionException, MojoFailureException {
        ArkpackCommand.Result result;
        try {
            result = ArkpackCommand.run(binary, command, requestFile, log(log));
        } catch (HostException e) {
            throw new MojoExecutionException(e.getMessage(), e.getCause());
        }
        result.renderDiagnostics(log(log), MavenHost::locationName);
        if (!result.ok) {
            throw new MojoFailureException(result.failureMessage(MavenHost::pomName, requestFile));
        }
        return result;
    }

    /** The body at {@code <packExcludesUrl>}; any failure fails the build. */
    static String fetchPackExcludesUrl(String url, Log log) throws MojoFailureException {
        try {
            return ExcludesUrl.fetch(url, "<packExcludesUrl>", log(log));
        } catch (HostException e) {
            throw new MojoFailureException(e.getMessage());
        }
    }
}
