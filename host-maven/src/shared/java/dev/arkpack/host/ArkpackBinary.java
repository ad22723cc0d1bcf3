/*
 * Shared by both hosts (compiled into arkpack-maven-plugin and arkpack-gradle-plugin from
 * host-maven/src/shared/java): finds the `arkpack` command. The user's setting (the host names it: Maven's
 * {@code <arkpackExecutable>}, Gradle's {@code arkpack.executable}), else the environment variable
 * ARKPACK_BIN, else the binary embedded in the plugin jar for the running platform
 * (META-INF/arkpack/<platform>/arkpack and its sha256), unpacked once into
 * ${ARKPACK_CACHE_DIR:-${XDG_CACHE_HOME:-~/.cache}/arkpack}/bin/<sha256>/arkpack. The unpacked file is
 * verified against the sha256 and written to a temporary file that is renamed into place, so parallel
 * builds (`mvn -T`, several Maven or Gradle processes) never see a partial binary, and both hosts share
 * one unpacked copy.
 */
package dev.arkpack.host;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URL;
import java.net.URLConnection;
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
import java.util.function.Function;

public final class ArkpackBinary {
    private static final String RESOURCE_ROOT = "META-INF/arkpack/";
    /** Unpacked binaries already verified in this JVM (a reactor build or a Gradle daemon checks each once). */
    private static final Map<String, File> VERIFIED = new ConcurrentHashMap<>();

    private final String optionName;
    private final Function<String, String> noBinaryMessage;
    private final HostLog log;

    /**
     * @param optionName how messages name the user's setting of the binary
     * @param noBinaryMessage the message, given the platform, when the jar carries no binary for it
     */
    public ArkpackBinary(String optionName, Function<String, String> noBinaryMessage, HostLog log) {
        this.optionName = optionName;
        this.noBinaryMessage = noBinaryMessage;
        this.log = log;
    }

    /** {@code option} is the user's setting, null when unset. */
    public File locate(File option) throws HostException {
        if (option != null) {
            return executable(option, optionName);
        }
        String env = System.getenv("ARKPACK_BIN");
        if (env != null && !env.trim().isEmpty()) {
            return executable(new File(env.trim()), "the environment variable ARKPACK_BIN");
        }
        return embedded();
    }

    private static File executable(File f, String source) throws HostException {
        if (!f.isFile() || !f.canExecute()) {
            throw new HostException("arkpack: " + source + " names " + f + ", which is not an executable file");
        }
        return f;
    }

    /** {@code linux-x86_64}, {@code macos-aarch64}, ...: the folder of the embedded binary. */
    public static String platform() {
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

    private File embedded() throws HostException {
        String platform = platform();
        String name = platform.startsWith("windows") ? "arkpack.exe" : "arkpack";
        String resource = RESOURCE_ROOT + platform + "/" + name;
        ClassLoader cl = ArkpackBinary.class.getClassLoader();
        String sha;
        try (InputStream in = cl.getResourceAsStream(resource + ".sha256")) {
            if (in == null) {
                throw new HostException(noBinaryMessage.apply(platform));
            }
            sha = Streams.text(in).trim().toLowerCase(Locale.ROOT);
        } catch (IOException e) {
            throw new HostException("arkpack: cannot read the embedded binary's checksum: " + e.getMessage(), e);
        }
        if (!sha.matches("[0-9a-f]{64}")) {
            throw new HostException("arkpack: the embedded checksum " + resource + ".sha256 is malformed");
        }
        File known = VERIFIED.get(sha);
        if (known != null && known.canExecute()) {
            return known;
        }
        synchronized (ArkpackBinary.class) {
            File target = new File(new File(new File(cacheDir(), "bin"), sha), name);
            try {
                // A file here was only ever put in place by unpack(): verified against the sha256, then
                // renamed into this folder named by that sha256. So re-hashing 20 MB on every build adds
                // nothing; a size check catches a truncated or foreign file. Only when the size is unknown
                // is the file hashed again.
                long expected = resourceSize(cl, resource);
                boolean ready = target.isFile()
                        && (expected >= 0 ? target.length() == expected : sha.equals(sha256(target.toPath())));
                if (!ready) {
                    unpack(cl, resource, target, sha);
                }
                if (!target.canExecute() && !target.setExecutable(true, false)) {
                    throw new HostException("arkpack: cannot make " + target + " executable");
                }
            } catch (IOException e) {
                throw new HostException("arkpack: cannot unpack the embedded binary to " + target + ": " + e.getMessage()
                        + " (set ARKPACK_CACHE_DIR to a writable folder, or " + optionName + ")", e);
            }
            VERIFIED.put(sha, target);
            return target;
        }
    }

    /** The uncompressed size of a resource in the plugin jar, or -1 when the class loader cannot say. */
    private static long resourceSize(ClassLoader cl, String resource) {
        URL url = cl.getResource(resource);
        if (url == null) {
            return -1;
        }
        try {
            URLConnection connection = url.openConnection();
            connection.setUseCaches(false);
            return connection.getContentLengthLong();
        } catch (IOException e) {
            return -1;
        }
    }

    private void unpack(ClassLoader cl, String resource, File target, String sha) throws IOException, HostException {
        Path dir = target.getParentFile().toPath();
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, ".arkpack-", ".tmp");
        try {
            MessageDigest md = digest();
            try (InputStream raw = cl.getResourceAsStream(resource)) {
                if (raw == null) {
                    throw new HostException("arkpack: the embedded binary " + resource + " is missing from the plugin jar");
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
                throw new HostException("arkpack: the embedded binary " + resource + " has sha256 " + got
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
        MessageDigest md = digest();
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), md)) {
            byte[] buf = new byte[1 << 16];
            while (in.read(buf) > 0) {
                // reading feeds the digest
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
}
