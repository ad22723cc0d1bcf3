/*
 * Finds the `arkpack` command the tasks run: `arkpack { executable = ... }` (or `arkPlugin { executable }`),
 * else the environment variable ARKPACK_BIN, else the binary embedded in this jar for the running platform
 * (META-INF/arkpack/<platform>/arkpack with its .sha256), unpacked by sha256 into
 * ${ARKPACK_CACHE_DIR:-${XDG_CACHE_HOME:-~/.cache}/arkpack}/bin/<sha256>/arkpack through a temporary file and
 * an atomic rename. The same layout and cache as the Maven host, so both hosts share one unpacked copy.
 */
package dev.arkpack.gradle;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URL;
import java.net.URLConnection;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.gradle.api.GradleException;

final class ArkpackBinary {
    private ArkpackBinary() {
    }

    private static final String ROOT = "META-INF/arkpack/";
    /** Unpacked binaries already checked in this JVM (a Gradle daemon keeps them across builds). */
    private static final Map<String, File> READY = new ConcurrentHashMap<>();

    /** {@code option} is the user's setting (null if unset), {@code optionName} how to name it in a message. */
    static File locate(File option, String optionName) {
        if (option != null) {
            return executable(option, optionName);
        }
        String env = System.getenv("ARKPACK_BIN");
        if (env != null && !env.trim().isEmpty()) {
            return executable(new File(env.trim()), "the environment variable ARKPACK_BIN");
        }
        return embedded(optionName);
    }

    private static File executable(File f, String source) {
        if (!f.isFile() || !f.canExecute()) {
            throw new GradleException("arkpack: " + source + " names " + f + ", which is not an executable file");
        }
        return f;
    }

    /** {@code linux-x86_64}, {@code macos-aarch64}, ...: the folder of the embedded binary. */
    static String platform() {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        String arch = System.getProperty("os.arch", "").toLowerCase(Locale.ROOT);
        String o;
        if (os.startsWith("linux")) {
            o = "linux";
        } else if (os.startsWith("mac") || os.startsWith("darwin")) {
            o = "macos";
        } else if (os.startsWith("windows")) {
            o = "windows";
        } else {
            o = os.replaceAll("[^a-z0-9]", "");
        }
        String a;
        if (arch.equals("amd64") || arch.equals("x86_64")) {
            a = "x86_64";
        } else if (arch.equals("aarch64") || arch.equals("arm64")) {
            a = "aarch64";
        } else {
            a = arch.replaceAll("[^a-z0-9_]", "");
        }
        return o + "-" + a;
    }

    private static File embedded(String optionName) {
        String platform = platform();
        String name = platform.startsWith("windows") ? "arkpack.exe" : "arkpack";
        String resource = ROOT + platform + "/" + name;
        ClassLoader cl = ArkpackBinary.class.getClassLoader();
        String sha;
        try (InputStream in = cl.getResourceAsStream(resource + ".sha256")) {
            if (in == null) {
                throw new GradleException("arkpack: this arkpack-gradle-plugin carries no arkpack binary for " + platform
                        + ". Build arkpack for it and set " + optionName + " = file('/path/to/arkpack')"
                        + " or the environment variable ARKPACK_BIN.");
            }
            sha = new String(readAll(in), StandardCharsets.UTF_8).trim().toLowerCase(Locale.ROOT);
        } catch (IOException e) {
            throw new GradleException("arkpack: cannot read the embedded binary's checksum: " + e.getMessage(), e);
        }
        if (!sha.matches("[0-9a-f]{64}")) {
            throw new GradleException("arkpack: the embedded checksum " + resource + ".sha256 is malformed");
        }
        File known = READY.get(sha);
        if (known != null && known.canExecute()) {
            return known;
        }
        synchronized (ArkpackBinary.class) {
            File target = new File(new File(new File(cacheDir(), "bin"), sha), name);
            try {
                // Only unpack() puts a file there, after checking its sha256, so a size check is enough
                // to catch a truncated or foreign file; when the size is unknown, hash it again.
                long size = resourceSize(cl, resource);
                boolean ok = target.isFile() && (size >= 0 ? target.length() == size : sha.equals(sha256(target.toPath())));
                if (!ok) {
                    unpack(cl, resource, target, sha);
                }
                if (!target.canExecute() && !target.setExecutable(true, false)) {
                    throw new GradleException("arkpack: cannot make " + target + " executable");
                }
            } catch (IOException e) {
                throw new GradleException("arkpack: cannot unpack the embedded binary to " + target + ": " + e.getMessage()
                        + " (set ARKPACK_CACHE_DIR to a writable folder, or " + optionName + ")", e);
            }
            READY.put(sha, target);
            return target;
        }
    }

    private static long resourceSize(ClassLoader cl, String resource) {
        URL url = cl.getResource(resource);
        if (url == null) {
            return -1;
        }
        try {
            URLConnection c = url.openConnection();
            c.setUseCaches(false);
            return c.getContentLengthLong();
        } catch (IOException e) {
            return -1;
        }
    }

    private static void unpack(ClassLoader cl, String resource, File target, String sha) throws IOException {
        Path dir = target.getParentFile().toPath();
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, ".arkpack-", ".tmp");
        try {
            MessageDigest md = digest();
            try (InputStream raw = cl.getResourceAsStream(resource)) {
                if (raw == null) {
                    throw new GradleException("arkpack: the embedded binary " + resource + " is missing from the plugin jar");
                }
                try (InputStream in = new DigestInputStream(raw, md); OutputStream out = Files.newOutputStream(tmp)) {
                    byte[] buf = new byte[1 << 16];
                    int n;
                    while ((n = in.read(buf)) > 0) {
                        out.write(buf, 0, n);
                    }
                }
            }
            String got = hex(md.digest());
            if (!got.equals(sha)) {
                throw new GradleException("arkpack: the embedded binary has sha256 " + got + ", expected " + sha
                        + "; the plugin jar is damaged");
            }
            if (!tmp.toFile().setExecutable(true, false)) {
                throw new IOException("cannot set the executable bit on " + tmp);
            }
            try {
                Files.move(tmp, target.toPath(), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target.toPath(), StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    private static File cacheDir() {
        String dir = System.getenv("ARKPACK_CACHE_DIR");
        if (dir != null && !dir.trim().isEmpty()) {
            return new File(dir.trim());
        }
        String xdg = System.getenv("XDG_CACHE_HOME");
        if (xdg != null && !xdg.trim().isEmpty()) {
            return new File(xdg.trim(), "arkpack");
        }
        return new File(new File(System.getProperty("user.home"), ".cache"), "arkpack");
    }

    static String sha256(Path file) throws IOException {
        MessageDigest md = digest();
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), md)) {
            byte[] buf = new byte[1 << 16];
            while (in.read(buf) > 0) {
                // the stream feeds the digest
            }
        }
        return hex(md.digest());
    }

    private static MessageDigest digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String hex(byte[] bytes) {
        StringBuilder sb = new StringBuilder();
        for (byte b : bytes) {
            sb.append(Character.forDigit((b >> 4) & 0xf, 16)).append(Character.forDigit(b & 0xf, 16));
        }
        return sb.toString();
    }

    static byte[] readAll(InputStream in) throws IOException {
        java.io.ByteArrayOutputStream buf = new java.io.ByteArrayOutputStream();
        byte[] b = new byte[8192];
        int n;
        while ((n = in.read(b)) > 0) {
            buf.write(b, 0, n);
        }
        return buf.toByteArray();
    }
}
