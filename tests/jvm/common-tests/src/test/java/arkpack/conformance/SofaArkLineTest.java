package arkpack.conformance;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarInputStream;
import java.util.zip.ZipEntry;

import org.junit.jupiter.api.Test;

import com.alipay.sofa.ark.loader.JarBizArchive;

/** Guards the setup: the SOFAArk classes under test are the line and versions the module's pom names. */
class SofaArkLineTest {

    @Test
    void archiveClassesAreTheConfiguredVersionAndLine() throws Exception {
        File source = new File(JarBizArchive.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        assertEquals("sofa-ark-archive-" + Env.archiveVersion() + ".jar", source.getName(),
                "where JarBizArchive was loaded from");
        // 2.x is built for Java 8 (class file 52), 3.x for Java 17 (61).
        int expectedMajor = Env.line().equals("2.x") ? 52 : Env.line().equals("3.x") ? 61 : -1;
        assertTrue(expectedMajor > 0, "unknown sofa.ark.line " + Env.line());
        byte[] bytes;
        try (InputStream in = JarBizArchive.class.getResourceAsStream("JarBizArchive.class")) {
            bytes = IO.readAll(in);
        }
        assertEquals(expectedMajor, ((bytes[6] & 0xff) << 8) | (bytes[7] & 0xff), "class file version of JarBizArchive");
    }

    @Test
    void containerJarIsTheConfiguredVersion() throws IOException {
        try (JarFile all = new JarFile(Env.sofaArkAllJar())) {
            assertNotNull(all.getEntry("com/alipay/sofa/ark/container/mark"), "sofa-ark-all has no container mark");
            assertEquals(Env.allVersion(), all.getManifest().getMainAttributes().getValue("ArkVersion"),
                    "ArkVersion of " + Env.sofaArkAllJar());
        }
    }

    /**
     * sofa-ark-archive and sofa-ark-all are not always published in the same versions (3.1.11 has no standalone
     * sofa-ark-archive on Maven Central). The archive tests are only as good as this: the loader classes on the
     * test class path are byte for byte the ones inside the container jar the executable test launches.
     */
    @Test
    void archiveClassesMatchTheOnesInsideSofaArkAll() throws Exception {
        File source = new File(JarBizArchive.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        Map<String, byte[]> standalone = new HashMap<String, byte[]>();
        try (JarFile jar = new JarFile(source)) {
            for (JarEntry e : java.util.Collections.list(jar.entries())) {
                if (e.getName().endsWith(".class")) {
                    try (InputStream in = jar.getInputStream(e)) {
                        standalone.put(e.getName(), IO.readAll(in));
                    }
                }
            }
        }
        assertTrue(standalone.size() > 10, "too few classes in " + source);
        int compared = 0;
        try (JarFile all = new JarFile(Env.sofaArkAllJar())) {
            ZipEntry nested = all.getEntry("lib/sofa-ark-archive-" + Env.allVersion() + ".jar");
            assertNotNull(nested, "sofa-ark-all has no lib/sofa-ark-archive-" + Env.allVersion() + ".jar");
            byte[] nestedBytes;
            try (InputStream in = all.getInputStream(nested)) {
                nestedBytes = IO.readAll(in);
            }
            try (JarInputStream in = new JarInputStream(new ByteArrayInputStream(nestedBytes))) {
                JarEntry e;
                while ((e = in.getNextJarEntry()) != null) {
                    if (e.getName().endsWith(".class")) {
                        byte[] expected = standalone.remove(e.getName());
                        assertNotNull(expected, source.getName() + " lacks " + e.getName());
                        assertArrayEquals(expected, IO.readAll(in), e.getName() + " differs from the one in sofa-ark-all");
                        compared++;
                    }
                }
            }
        }
        assertTrue(standalone.isEmpty(), "classes only in " + source.getName() + ": " + standalone.keySet());
        assertTrue(compared > 10, "compared only " + compared + " classes");
    }
}
