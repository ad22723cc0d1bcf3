/*
 * The git facts of the manifest (ark-format.md §2.6), read by running the `git` command on a `.git`
 * directory, as the Maven host does: any failure means no git facts at all (the official plugin's
 * behaviour), and a fact git does not know is left out (arkpack then writes `null`). The time format is
 * the official plugin's, in the JVM's time zone.
 */
package dev.arkpack.gradle;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.text.SimpleDateFormat;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.gradle.api.logging.Logger;

final class GitFacts {
    private GitFacts() {
    }

    private static final File NULL_FILE =
            new File(System.getProperty("os.name", "").startsWith("Windows") ? "NUL" : "/dev/null");

    static String formatTime(long epochMillis) {
        return new SimpleDateFormat("yyyy-MM-dd'T'HH:mm:ssZ").format(new Date(epochMillis));
    }

    /** The request's {@code buildInfo.git} object, or null when there is no repository or git fails. */
    static Map<String, Object> read(File gitDir, Logger log) {
        if (gitDir == null || !gitDir.exists()) {
            log.debug("arkpack: no git directory at {}; no git attributes", gitDir);
            return null;
        }
        try {
            String[] head = git(gitDir, "log", "-1", "--format=%H%n%an%n%ae%n%ct").split("\n", -1);
            if (head.length < 4 || head[0].trim().isEmpty()) {
                return null;
            }
            Map<String, Object> g = new LinkedHashMap<>();
            put(g, "remoteOriginUrl", optional(gitDir, "config", "--get", "remote.origin.url"));
            put(g, "commitBranch", branch(gitDir));
            put(g, "commitId", head[0].trim());
            put(g, "commitUserName", head[1]);
            put(g, "commitUserEmail", head[2]);
            long millis = Long.parseLong(head[3].trim()) * 1000L;
            put(g, "commitTime", formatTime(millis));
            put(g, "commitTimestamp", Long.toString(millis));
            put(g, "buildUser", optional(gitDir, "config", "--get", "user.name"));
            put(g, "buildEmail", optional(gitDir, "config", "--get", "user.email"));
            return g;
        } catch (IOException | RuntimeException e) {
            log.debug("arkpack: cannot read git facts from {} ({}); no git attributes", gitDir, e.getMessage());
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    /** The current branch; on a detached HEAD the remote branches that contain it, `master` first. */
    private static String branch(File gitDir) throws IOException, InterruptedException {
        String b = optional(gitDir, "symbolic-ref", "--short", "-q", "HEAD");
        if (b != null) {
            return b;
        }
        String remote = optional(gitDir, "branch", "-r", "--contains", "HEAD", "--format=%(refname:short)");
        if (remote == null) {
            return null;
        }
        List<String> names = new ArrayList<>();
        for (String line : remote.split("\n")) {
            String n = line.trim();
            if (n.isEmpty() || n.endsWith("/HEAD")) {
                continue;
            }
            if (n.endsWith("/master")) {
                names.add(0, n);
            } else {
                names.add(n);
            }
        }
        return names.isEmpty() ? null : String.join(",", names);
    }

    private static void put(Map<String, Object> o, String key, String value) {
        if (value != null && !value.isEmpty()) {
            o.put(key, value);
        }
    }

    private static String optional(File gitDir, String... args) throws IOException, InterruptedException {
        try {
            String out = git(gitDir, args).trim();
            return out.isEmpty() ? null : out;
        } catch (Failed e) {
            return null;
        }
    }

    private static String git(File gitDir, String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(Arrays.asList("git", "--git-dir=" + gitDir.getAbsolutePath()));
        cmd.addAll(Arrays.asList(args));
        Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.to(NULL_FILE)).start();
        p.getOutputStream().close();
        String out = new String(ArkpackBinary.readAll(p.getInputStream()), StandardCharsets.UTF_8);
        if (!p.waitFor(30, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IOException("git " + String.join(" ", args) + " timed out");
        }
        if (p.exitValue() != 0) {
            throw new Failed();
        }
        return out;
    }

    private static final class Failed extends IOException {
        private static final long serialVersionUID = 1L;
    }
}
