/*
 * Shared by both hosts (compiled into arkpack-maven-plugin and arkpack-gradle-plugin from
 * host-maven/src/shared/java): runs the `arkpack` command. {@link #run} runs
 * `arkpack --json -q biz|plugin --request FILE` and reads its JSON answer and exit code into a
 * {@link Result}: its diagnostics, rendered at their severity, and on failure a message in which the core's
 * field (`priority`, `biz-name`, `exported.packages`) becomes the setting as the user writes it; the host
 * supplies that naming ({@code <priority>}, {@code arkpack.priority}).
 */
package dev.arkpack.host;

import java.io.File;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

public final class ArkpackCommand {
    private ArkpackCommand() {
    }

    /** What an arkpack command printed: its exit code and both outputs. */
    public static final class Output {
        public int exitCode;
        public String stdout;
        public String stderr;
    }

    /** arkpack's JSON answer to a {@code biz} or {@code plugin} request. */
    public static final class Result {
        public boolean ok;
        public int exitCode;
        public String code;
        public String message;
        public String field;
        public String input;
        /** The plan arkpack answered with (its {@code report} for a plugin), or null. */
        public Map<String, Object> plan;
        public final List<Map<String, Object>> diagnostics = new ArrayList<>();

        /**
         * Each diagnostic at its severity: {@code arkpack [code] message (location)}, the location as
         * {@code locationName} words it (null: left out).
         */
        public void renderDiagnostics(HostLog log, Function<String, String> locationName) {
            for (Map<String, Object> d : diagnostics) {
                String severity = Json.str(d, "severity");
                String location = Json.str(d, "location");
                String where = location == null ? null : locationName.apply(location);
                String text = "arkpack [" + Json.str(d, "code") + "] " + Json.str(d, "message")
                        + (where != null ? " (" + where + ")" : "");
                if ("error".equals(severity)) {
                    log.error(text);
                } else if ("warning".equals(severity)) {
                    log.warn(text);
                } else {
                    log.info(text);
                }
            }
        }

        /** The failure, its field as {@code fieldName} words it (null: not named), with the request file. */
        public String failureMessage(Function<String, String> fieldName, File requestFile) {
            StringBuilder sb = new StringBuilder("arkpack failed (exit ").append(exitCode).append(")");
            String text = message == null ? "no message" : message;
            String name = field == null ? null : fieldName.apply(field);
            if (name != null) {
                text = text.replace("`" + field + "`", name);
                if (!text.contains(name)) {
                    sb.append(" on ").append(name);
                }
            }
            sb.append(": ").append(text);
            if (input != null && !text.contains(input)) {
                sb.append(" [input: ").append(input).append("]");
            }
            return sb.append(" (request: ").append(requestFile).append(")").toString();
        }

        /** " (libraries: N packaged, ...)" from the plan's report (a plugin's); empty when it has none. */
        public String librarySummary() {
            Map<String, Object> report = Json.object(plan, "report");
            Map<String, Integer> byDecision = new TreeMap<>();
            for (Object l : Json.list(report, "libraries")) {
                String d = Json.str(l, "decision");
                byDecision.merge(d == null ? "?" : d, 1, Integer::sum);
            }
            StringBuilder sb = new StringBuilder();
            for (Map.Entry<String, Integer> e : byDecision.entrySet()) {
                sb.append(sb.length() == 0 ? " (libraries: " : ", ").append(e.getValue()).append(' ').append(e.getKey());
            }
            return sb.length() == 0 ? "" : sb.append(')').toString();
        }
    }

    /**
     * Runs {@code arkpack <args>} and returns its exit code and both outputs; with {@code mergeStderr} its
     * stderr is part of stdout (and {@code stderr} is empty).
     */
    public static Output runPlain(File binary, List<String> args, boolean mergeStderr) throws HostException {
        List<String> cmd = new ArrayList<>();
        cmd.add(binary.getAbsolutePath());
        cmd.addAll(args);
        Process p;
        try {
            p = new ProcessBuilder(cmd).redirectErrorStream(mergeStderr).start();
        } catch (IOException e) {
            throw new HostException("arkpack: cannot start " + binary + ": " + e.getMessage(), e);
        }
        AtomicReference<String> stderr = new AtomicReference<>("");
        Thread drain = new Thread(() -> {
            try {
                stderr.set(Streams.text(p.getErrorStream()));
            } catch (IOException ignored) {
                // the exit code and stdout tell what happened
            }
        }, "arkpack-stderr");
        drain.setDaemon(true);
        Output out = new Output();
        try {
            p.getOutputStream().close();
            drain.start();
            out.stdout = Streams.text(p.getInputStream());
            out.exitCode = p.waitFor();
            drain.join(10_000);
        } catch (IOException e) {
            throw new HostException("arkpack: cannot talk to " + binary + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            p.destroyForcibly();
            throw new HostException("arkpack: interrupted");
        }
        out.stderr = stderr.get();
        return out;
    }

    /** {@code command} is the arkpack subcommand: {@code biz} or {@code plugin}. */
    public static Result run(File binary, String command, File requestFile, HostLog log) throws HostException {
        Output out = runPlain(binary, Arrays.asList("--json", "-q", command, "--request", requestFile.getAbsolutePath()), false);
        String stdout = out.stdout;
        int exit = out.exitCode;
        String err = out.stderr.trim();
        if (!err.isEmpty()) {
            log.debug("arkpack stderr: " + err);
        }
        Object parsed;
        try {
            parsed = Json.parse(stdout);
        } catch (IllegalArgumentException e) {
            parsed = null;
        }
        if (!(parsed instanceof Map)) {
            throw new HostException("arkpack (" + binary + ") exited with " + exit + " without a JSON answer"
                    + (err.isEmpty() ? "" : ": " + err) + (stdout.trim().isEmpty() ? "" : "; stdout: " + stdout.trim()));
        }
        Map<?, ?> json = (Map<?, ?>) parsed;
        Result r = new Result();
        r.exitCode = exit;
        r.ok = Boolean.TRUE.equals(json.get("ok")) && exit == 0;
        collectDiagnostics(json, r.diagnostics);
        r.plan = Json.object(json, "plan");
        if (r.plan != null) {
            collectDiagnostics(r.plan, r.diagnostics);
        }
        if (!r.ok) {
            Map<String, Object> error = Json.object(json, "error");
            r.code = Json.str(error, "code");
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
    private static void collectDiagnostics(Map<?, ?> o, List<Map<String, Object>> into) {
        for (Object d : Json.list(o, "diagnostics")) {
            if (d instanceof Map) {
                into.add((Map<String, Object>) d);
            }
        }
    }
}
