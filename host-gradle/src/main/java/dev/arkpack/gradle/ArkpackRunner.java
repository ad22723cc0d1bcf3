/*
 * Runs `arkpack --json -q biz|plugin --request FILE` and reads its JSON answer. Diagnostics go to Gradle's
 * logger at their severity; a failure becomes a GradleException worded in build-script terms: the core's
 * field (`priority`, `biz-name`, `exported.packages`) becomes the option as the user writes it
 * (`arkpack.priority`, `arkpack.bizName`, `arkPlugin.exported.packages`). This mapping is the only place
 * where core names meet Gradle names.
 */
package dev.arkpack.gradle;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import org.gradle.api.GradleException;
import org.gradle.api.logging.Logger;

final class ArkpackRunner {
    private ArkpackRunner() {
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

    static final class Result {
        boolean ok;
        int exitCode;
        String message;
        String field;
        String input;
        Map<String, Object> plan;
        final List<Map<String, Object>> diagnostics = new ArrayList<>();

        /** Each diagnostic at its severity, with its location named as in the build script. */
        void renderDiagnostics(Logger log, String extension) {
            for (Map<String, Object> d : diagnostics) {
                String severity = Json.str(d, "severity");
                String location = Json.str(d, "location");
                String where = location == null ? null
                        : location.contains("/") || location.contains(":") ? location : optionName(extension, location);
                String text = "arkpack [" + Json.str(d, "code") + "] " + Json.str(d, "message")
                        + (where != null ? " (" + where + ")" : "");
                if ("error".equals(severity) || "warning".equals(severity)) {
                    log.warn(text);
                } else {
                    log.lifecycle(text);
                }
            }
        }

        String failureMessage(String extension, File requestFile) {
            StringBuilder sb = new StringBuilder("arkpack failed (exit ").append(exitCode).append(")");
            String text = message == null ? "no message" : message;
            String option = optionName(extension, field);
            if (field != null && option != null) {
                text = text.replace("`" + field + "`", option);
                if (!text.contains(option)) {
                    sb.append(" on ").append(option);
                }
            }
            sb.append(": ").append(text);
            if (input != null && !text.contains(input)) {
                sb.append(" [input: ").append(input).append("]");
            }
            return sb.append(" (request: ").append(requestFile).append(")").toString();
        }
    }

    /** {@code command} is {@code biz} or {@code plugin}. */
    static Result run(File binary, String command, File requestFile, Logger log) {
        List<String> cmd = Arrays.asList(binary.getAbsolutePath(), "--json", "-q", command, "--request",
                requestFile.getAbsolutePath());
        Process p;
        try {
            p = new ProcessBuilder(cmd).start();
        } catch (IOException e) {
            throw new GradleException("arkpack: cannot start " + binary + ": " + e.getMessage(), e);
        }
        AtomicReference<String> stderr = new AtomicReference<>("");
        Thread drain = new Thread(() -> {
            try {
                stderr.set(new String(ArkpackBinary.readAll(p.getErrorStream()), StandardCharsets.UTF_8));
            } catch (IOException ignored) {
                // the exit code and stdout say what happened
            }
        }, "arkpack-stderr");
        drain.setDaemon(true);
        String stdout;
        int exit;
        try {
            p.getOutputStream().close();
            drain.start();
            stdout = new String(ArkpackBinary.readAll(p.getInputStream()), StandardCharsets.UTF_8);
            exit = p.waitFor();
            drain.join(10_000);
        } catch (IOException e) {
            throw new GradleException("arkpack: cannot talk to " + binary + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            p.destroyForcibly();
            throw new GradleException("arkpack: interrupted");
        }
        String err = stderr.get().trim();
        if (!err.isEmpty()) {
            log.debug("arkpack stderr: {}", err);
        }
        Object parsed;
        try {
            parsed = Json.parse(stdout);
        } catch (IllegalArgumentException e) {
            parsed = null;
        }
        if (!(parsed instanceof Map)) {
            throw new GradleException("arkpack (" + binary + ") exited with " + exit + " without a JSON answer"
                    + (err.isEmpty() ? "" : ": " + err) + (stdout.trim().isEmpty() ? "" : "; stdout: " + stdout.trim()));
        }
        Map<?, ?> json = (Map<?, ?>) parsed;
        Result r = new Result();
        r.exitCode = exit;
        r.ok = Boolean.TRUE.equals(json.get("ok")) && exit == 0;
        collect(json, r.diagnostics);
        r.plan = Json.object(json, "plan");
        if (r.plan != null) {
            collect(r.plan, r.diagnostics);
        }
        if (!r.ok) {
            Map<String, Object> error = Json.object(json, "error");
            r.field = Json.str(error, "field");
            r.input = Json.str(error, "input");
            r.message = Json.str(error, "message") != null ? Json.str(error, "message") : Json.str(json, "message");
            if (r.message == null && !err.isEmpty()) {
                r.message = err;
            }
        }
        return r;
    }

    @SuppressWarnings("unchecked")
    private static void collect(Map<?, ?> o, List<Map<String, Object>> into) {
        for (Object d : Json.list(o, "diagnostics")) {
            if (d instanceof Map) {
                into.add((Map<String, Object>) d);
            }
        }
    }
}
