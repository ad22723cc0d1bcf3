package dev.arkpack.maven;

import java.io.File;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.logging.Log;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;

/**
 * Runs {@code arkpack --json -q biz|plugin --request FILE} and reads its JSON answer: diagnostics go to
 * Maven's log at their severity, a failure becomes a message in POM terms ({@code biz-name} is
 * {@code <bizName>}, {@code exported.packages} is {@code <exported><packages>}).
 */
final class ArkpackRunner {
    private ArkpackRunner() {
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
        return field; // library and input paths stay as they are
    }

    static final class Result {
        boolean ok;
        int exitCode;
        String code;
        String message;
        String field;
        String input;
        /** The plan arkpack answered with (its {@code report} for the plugin goal), or null. */
        JsonObject plan;
        final List<JsonObject> diagnostics = new ArrayList<>();

        void renderDiagnostics(Log log) {
            for (JsonObject d : diagnostics) {
                String severity = str(d, "severity");
                String location = str(d, "location");
                if (location != null && POM_NAMES.containsKey(location)) {
                    location = POM_NAMES.get(location);
                }
                String text = "arkpack [" + str(d, "code") + "] " + str(d, "message")
                        + (location != null ? " (" + location + ")" : "");
                if ("error".equals(severity)) {
                    log.error(text);
                } else if ("warning".equals(severity)) {
                    log.warn(text);
                } else {
                    log.info(text);
                }
            }
        }

        String failureMessage(File requestFile) {
            StringBuilder sb = new StringBuilder("arkpack failed (exit ").append(exitCode).append(")");
            String pom = pomName(field);
            String text = message == null ? "no message" : message;
            if (field != null) {
                text = text.replace("`" + field + "`", pom);
                if (!text.contains(pom)) {
                    sb.append(" on ").append(pom);
                }
            }
            sb.append(": ").append(text);
            if (input != null && !text.contains(input)) {
                sb.append(" [input: ").append(input).append("]");
            }
            sb.append(" (request: ").append(requestFile).append(")");
            return sb.toString();
        }
    }

    /** What an arkpack command printed: its exit code and both outputs. */
    static final class Output {
        int exitCode;
        String stdout;
        String stderr;
    }

    /** Runs {@code arkpack <args>} and returns its exit code and both outputs (goal {@code why}, and {@link #run}). */
    static Output runPlain(File binary, List<String> args) throws MojoExecutionException {
        List<String> cmd = new ArrayList<>();
        cmd.add(binary.getAbsolutePath());
        cmd.addAll(args);
        Process p;
        try {
            p = new ProcessBuilder(cmd).start();
        } catch (IOException e) {
            throw new MojoExecutionException("arkpack: cannot start " + binary + ": " + e.getMessage(), e);
        }
        AtomicReference<String> stderr = new AtomicReference<>("");
        Thread drain = new Thread(() -> {
            try {
                stderr.set(GitFacts.readAll(p.getErrorStream()));
            } catch (IOException ignored) {
                // the exit code and stdout tell what happened
            }
        }, "arkpack-stderr");
        drain.setDaemon(true);
        Output out = new Output();
        try {
            p.getOutputStream().close();
            drain.start();
            out.stdout = GitFacts.readAll(p.getInputStream());
            out.exitCode = p.waitFor();
            drain.join(10_000);
        } catch (IOException e) {
            throw new MojoExecutionException("arkpack: cannot talk to " + binary + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            p.destroyForcibly();
            throw new MojoExecutionException("arkpack: interrupted");
        }
        out.stderr = stderr.get();
        return out;
    }

    static Result run(File binary, File requestFile, Log log) throws MojoExecutionException {
        return run(binary, "biz", requestFile, log);
    }

    /** {@code command} is the arkpack subcommand: {@code biz} (goal repackage) or {@code plugin} (goal ark-plugin). */
    static Result run(File binary, String command, File requestFile, Log log) throws MojoExecutionException {
        Output out = runPlain(binary, Arrays.asList("--json", "-q", command, "--request", requestFile.getAbsolutePath()));
        String stdout = out.stdout;
        int exit = out.exitCode;
        String err = out.stderr.trim();
        if (!err.isEmpty()) {
            log.debug("arkpack stderr: " + err);
        }
        JsonObject json;
        try {
            JsonElement parsed = JsonParser.parseString(stdout);
            if (!parsed.isJsonObject()) {
                throw new JsonParseException("not an object");
            }
            json = parsed.getAsJsonObject();
        } catch (JsonParseException e) {
            throw new MojoExecutionException("arkpack (" + binary + ") exited with " + exit + " without a JSON answer"
                    + (err.isEmpty() ? "" : ": " + err) + (stdout.trim().isEmpty() ? "" : "; stdout: " + stdout.trim()));
        }
        Result r = new Result();
        r.exitCode = exit;
        r.ok = json.has("ok") && json.get("ok").getAsBoolean() && exit == 0;
        collectDiagnostics(json, r.diagnostics);
        if (json.has("plan") && json.get("plan").isJsonObject()) {
            r.plan = json.getAsJsonObject("plan");
            collectDiagnostics(r.plan, r.diagnostics);
        }
        if (!r.ok) {
            JsonObject error = json.has("error") && json.get("error").isJsonObject() ? json.getAsJsonObject("error") : new JsonObject();
            r.code = str(error, "code");
            r.field = str(error, "field");
            r.input = str(error, "input");
            r.message = str(error, "message") != null ? str(error, "message") : str(json, "message");
            if (r.message == null && !err.isEmpty()) {
                r.message = err;
            }
        }
        return r;
    }

    private static void collectDiagnostics(JsonObject o, List<JsonObject> into) {
        JsonElement d = o.get("diagnostics");
        if (d != null && d.isJsonArray()) {
            JsonArray a = d.getAsJsonArray();
            for (JsonElement e : a) {
                if (e.isJsonObject()) {
                    into.add(e.getAsJsonObject());
                }
            }
        }
    }

    static String str(JsonObject o, String key) {
        JsonElement e = o.get(key);
        return e == null || e.isJsonNull() ? null : e.getAsString();
    }
}
