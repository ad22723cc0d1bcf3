/*
 * Shared by both hosts (compiled into arkpack-maven-plugin and arkpack-gradle-plugin from
 * host-maven/src/shared/java): the git facts the official plugin writes into the manifest
 * (ark-format.md §2.6), read by running the `git` command on a `.git` directory (no library: git is on
 * every machine that has a repository, and the plugins stay small). As in the official plugin, any failure
 * means no git facts at all, and a fact git does not know is left out (arkpack then writes the literal
 * `null`). The time format is the official plugin's, in the JVM's time zone.
 */
package dev.arkpack.host;

import java.io.File;
import java.io.IOException;
import java.text.SimpleDateFormat;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

public final class GitFacts {
    private GitFacts() {
    }

    private static final File NULL_FILE =
            new File(System.getProperty("os.name", "").startsWith("Windows") ? "NUL" : "/dev/null");

    /** The official plugin's date format, in the JVM's time zone. */
    public static String formatTime(long epochMillis) {
        return new SimpleDateFormat("yyyy-MM-dd'T'HH:mm:ssZ").format(new Date(epochMillis));
    }

    /** The request's {@code buildInfo.git} object (string values, in request order), or null when there is no repository or git fails. */
    public static Map<String, Object> read(File gitDir, HostLog log) {
        if (gitDir == null || !gitDir.exists()) {
            log.debug("arkpack: no git directory at " + gitDir + "; no git attributes");
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
            log.debug("arkpack: cannot read git facts from " + gitDir + " (" + e.getMessage() + "); no git attributes");
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
        } catch (GitFailed e) {
            return null;
        }
    }

    private static String git(File gitDir, String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(Arrays.asList("git", "--git-dir=" + gitDir.getAbsolutePath()));
        cmd.addAll(Arrays.asList(args));
        Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.to(NULL_FILE)).start();
        p.getOutputStream().close();
        String out = Streams.text(p.getInputStream());
        if (!p.waitFor(30, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IOException("git " + String.join(" ", args) + " timed out");
        }
        if (p.exitValue() != 0) {
            throw new GitFailed();
        }
        return out;
    }

    private static final class GitFailed extends IOException {
        private static final long serialVersionUID = 1L;
    }
}
