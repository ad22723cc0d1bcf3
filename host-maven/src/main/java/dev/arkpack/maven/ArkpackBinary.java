package dev.arkpack.maven;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
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

import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.logging.Log;

/**
 * Finds the `arkpack` command: the {@code <arkpackExecutable>} parameter, else the environment variable
 * {@code ARKPACK_BIN}, else the binary embedded in this plugin jar for the running platform
 * ({@code META-INF/arkpack/<platform>/arkpack} and its sha256), unpacked once into
 * {@code ${ARKPACK_CACHE_DIR:-${XDG_CACHE_HOME:-~/.cache}/arkpack}/bin/<sha256>/arkpack}. The unpacked file
 * is verified against the sha256 and written to a temporary file that is renamed into place, so parallel
 * builds (`mvn -T`, several Maven processes) never see a partial binary.
 */
final class ArkpackBinary {
    private static final String RESOURCE_ROOT = "META-INF/arkpack/";
    /** Binaries already verified in this JVM (a reactor build checks each once). */
    private static final Map<String, File> VERIFIED = new ConcurrentHashMap<>();

    private final Log log;

    ArkpackBinary(Log log) {
        this.log = log;
    }

    File locate(File parameter) throws MojoExecutionException {
        if (parameter != null) {
            return executable(parameter, "<arkpackExecutable>");
        }
        String env = System.getenv("ARKPACK_BIN");
        if (env != null && !env.trim().isEmpty()) {
            return executable(new File(env.trim()), "ARKPACK_BIN");
        }
        return embedded();
    }

    private static File executable(File f, String source) throws MojoExecutionException {
        if (!f.isFile() || !f.canExecute()) {
            throw new MojoExecutionException("arkpack: " + source + " names " + f + ", which is not an executable file");
        }
        return f;
    }

    static String platform() {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        String arch = System.getProperty("os.arch", "").toLowerCase(Locale.ROOT);
        String o = os.startsWith("linux") ? "linux" : os.startsWith("mac") || os.startsWith("darwin") ? "macos"
                : os.startsWith("windows") ? "windows" : os.replaceAll("[^a-z0-9]", "");
        String a = arch.equals("amd64") || arch.equals("x86_64") ? "x86_64"
                : arch.equals("aarch64") || arch.equals("arm64") ? "aarch64" : arch.replaceAll("[^a-z0-9_]", "");
        return o + "-" + a;
    }

    private File embedded() throws MojoExecutionException {
        String platform = platform();
        String name = platform.startsWith("windows") ? "arkpack.exe" : "arkpack";
        String base = RESOURCE_ROOT + platform + "/";
        ClassLoader cl = ArkpackBinary.class.getClassLoader();
        String sha;
        try (InputStream in = cl.getResourceAsStream(base + name + ".sha256")) {
            if (in == null) {
                throw new MojoExecutionException("arkpack: this arkpack-maven-plugin carries no arkpack binary for the platform "
                        + platform + ". Build arkpack for it and set <arkpackExecutable>/path/to/arkpack</arkpackExecutable> "
                        + "(or -Darkpack.executable=..., or the environment variable ARKPACK_BIN).");
            }
            sha = GitFacts.readAll(in).trim().toLowerCase(Locale.ROOT);
        } catch (IOException e) {
            throw new MojoExecutionException("arkpack: cannot read the embedded binary's checksum: " + e.getMessage(), e);
        }
        if (!sha.matches("[0-9a-f]{64}")) {
            throw new MojoExecutionException("arkpack: the embedded checksum " + base + name + ".sha256 is malformed");
        }
        File known = VERIFIED.get(sha);
        if (known != null && known.canExecute()) {
            return known;
        }
        synchronized (ArkpackBinary.class) {
            File target = new File(new File(new File(cacheDir(), "bin"), sha), name);
            try {
                // A file here was only ever put in place by unpack(): verified against the sha256,
                // then renamed into this folder named by that sha256. So re-hashing 20 MB on every
                // build adds nothing; a size check catches a truncated or foreign file. Only when the
                // size is unknown is the file hashed again.
                long expected = resourceSize(cl, base + name);
                boolean ready = target.isFile()
                        && (expected >= 0 ? target.length() == expected : sha.equals(sha256(target.toPath())));
                if (!ready) {
                    unpack(cl, base + name, target, sha);
                }
                if (!target.canExecute() && !target.setExecutable(true, false)) {
                    throw new MojoExecutionException("arkpack: cannot make " + target + " executable");
                }
            } catch (IOException e) {
                throw new MojoExecutionException("arkpack: cannot unpack the embedded binary to " + target + ": " + e.getMessage()
                        + " (set ARKPACK_CACHE_DIR to a writable folder, or <arkpackExecutable>)", e);
            }
            VERIFIED.put(sha, target);
            return target;
        }
    }

    /** The uncompressed size of a resource in the plugin jar, or -1 when the class loader cannot say. */
    private static long resourceSize(ClassLoader cl, String resource) {
        java.net.URL url = cl.getResource(resource);
        if (url == null) {
            return -1;
        }
        try {
            java.net.URLConnection connection = url.openConnection();
            connection.setUseCaches(false);
            return connection.getContentLengthLong();
        } catch (IOException e) {
            return -1;
        }
    }

    private void unpack(ClassLoader cl, String resource, File target, String sha) throws IOException, MojoExecutionException {
        Path dir = target.getParentFile().toPath();
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, ".arkpack-", ".tmp");
        try {
            MessageDigest md = sha256();
            try (InputStream raw = cl.getResourceAsStream(resource)) {
                if (raw == null) {
                    throw new MojoExecutionException("arkpack: the embedded binary " + resource + " is missing from the plugin jar");
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
                throw new MojoExecutionException("arkpack: the embedded binary " + resource + " has sha256 " + got
                        + ", expected " + sha + "; the plugin jar is damaged");
            }
            if (!tmp.toFile().setExecutable(true, false)) {
                throw new IOException("cannot set the executable bit on " + tmp);
            }
            try {
                Files.move(tmp, target.toPath(), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target.toPath(), StandardCopyOption.REPLACE_EXISTING);
            }
            log.debug("arkpack: unpacked the embedded binary to " + target);
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

    private static String sha256(Path file) throws IOException {
        MessageDigest md = sha256();
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), md)) {
            byte[] buf = new byte[1 << 16];
            while (in.read(buf) > 0) {
                // reading feeds the digest
            }
        }
        return hex(md.digest());
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String hex(byte[] bytes) {
        StringBuilder sb = new StringBuilder();
        for (byte b : bytes) {
            sb.append(String.format("%02x", b & 0xff));
        }
        return sb.toString();
    }
}
