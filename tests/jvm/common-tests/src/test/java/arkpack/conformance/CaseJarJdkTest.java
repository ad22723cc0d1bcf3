package arkpack.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayInputStream;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarInputStream;
import java.util.jar.Manifest;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each case jar (biz or plugin) read with the JDK alone: java.util.jar.JarFile, its manifest, and the nested
 * jars under lib/.
 */
class CaseJarJdkTest {
    static final String BIZ_MARK = "com/alipay/sofa/ark/biz/mark";
    static final String PLUGIN_MARK = "com/alipay/sofa/ark/plugin/mark";

    /** The keys sofa-ark-plugin-maven-plugin writes into every plugin manifest (reference/ark-format.md 4.3). */
    static final List<String> PLUGIN_KEYS = java.util.Arrays.asList("groupId", "artifactId", "version", "priority",
            "pluginName", "description", "activator", "import-packages", "import-classes", "import-resources",
            "export-mode", "export-packages", "export-classes", "export-resources");

    static List<ArkCase> cases() throws IOException {
        return ArkCase.all();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void manifestCarriesTheExpectedAttributes(ArkCase c) throws IOException {
        try (JarFile jar = new JarFile(c.jar)) {
            Manifest manifest = jar.getManifest();
            assertNotNull(manifest, c + ": JarFile.getManifest() found no META-INF/MANIFEST.MF");
            Attributes main = manifest.getMainAttributes();
            if (c.isBiz()) {
                assertEquals(c.bizName, main.getValue("Ark-Biz-Name"), c + ": Ark-Biz-Name");
                assertEquals(c.bizVersion, main.getValue("Ark-Biz-Version"), c + ": Ark-Biz-Version");
                assertEquals(c.priority, main.getValue("priority"), c + ": priority");
                assertEquals(c.mainClass, main.getValue("Start-Class"), c + ": Start-Class");
                assertEquals(c.mainClass, main.getValue("Main-Class"), c + ": Main-Class");
                assertEquals(c.webContextPath, main.getValue("web-context-path"), c + ": web-context-path");
                assertEquals(c.denyImportPackages, main.getValue("deny-import-packages"), c + ": deny-import-packages");
                assertEquals(c.declaredLibraries, main.getValue("declared-libraries"), c + ": declared-libraries");
            } else {
                assertTrue(c.isPlugin(), c + ": unsupported kind " + c.kind);
                // The official plugin always writes every one of these keys (an empty value when unset).
                for (String key : PLUGIN_KEYS) {
                    assertNotNull(main.getValue(key), c + ": the plugin manifest lacks " + key);
                }
                assertEquals(c.pluginName, main.getValue("pluginName"), c + ": pluginName");
                assertEquals(c.groupId, main.getValue("groupId"), c + ": groupId");
                assertEquals(c.artifactId, main.getValue("artifactId"), c + ": artifactId");
                assertEquals(c.version, main.getValue("version"), c + ": version");
                assertEquals(c.priority, main.getValue("priority"), c + ": priority");
                assertEquals(c.activator, main.getValue("activator"), c + ": activator");
                assertEquals(c.exportPackages, main.getValue("export-packages"), c + ": export-packages");
                assertEquals(c.importPackages, main.getValue("import-packages"), c + ": import-packages");
                assertEquals(c.exportClasses, ArkCase.csvSet(main.getValue("export-classes")), c + ": export-classes (as a set)");
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void manifestIsFirstOrSecondEntry(ArkCase c) throws IOException {
        List<String> names = entryNames(c);
        int at = names.indexOf("META-INF/MANIFEST.MF");
        assertTrue(at == 0 || (at == 1 && names.get(0).equals("META-INF/")),
                c + ": META-INF/MANIFEST.MF must be the first entry or follow META-INF/, but entries start with "
                        + names.subList(0, Math.min(3, names.size())));
        // JarInputStream only finds a manifest in that position: this is what stream readers see.
        try (JarInputStream in = new JarInputStream(new FileInputStream(c.jar))) {
            assertNotNull(in.getManifest(), c + ": JarInputStream sees no manifest");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void markIsAFileEntry(ArkCase c) throws IOException {
        // com/alipay/sofa/ark/biz/mark for a biz, com/alipay/sofa/ark/plugin/mark for a plugin
        String markName = c.markEntry();
        try (JarFile jar = new JarFile(c.jar)) {
            ZipEntry mark = jar.getEntry(markName);
            assertNotNull(mark, c + ": no " + markName + " entry");
            assertFalse(mark.isDirectory(), c + ": " + markName + " is a directory");
            assertEquals(markName, mark.getName(), c + ": the mark entry is named " + mark.getName());
            String other = c.isPlugin() ? BIZ_MARK : PLUGIN_MARK;
            assertNull(jar.getEntry(other), c + ": a " + c.kind + " must not carry " + other);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void libEntriesAreTheExpectedLibrariesInOrder(ArkCase c) throws IOException {
        List<String> libFiles = new ArrayList<String>();
        for (String name : entryNames(c)) {
            if (name.startsWith("lib/") && !name.endsWith("/")) {
                libFiles.add(name);
            }
        }
        assertEquals(c.libs, libFiles, c + ": non-directory entries under lib/ (central-directory order)");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void everyLibIsAStoredJar(ArkCase c) throws IOException {
        try (JarFile jar = new JarFile(c.jar)) {
            List<JarEntry> entries = Collections.list(jar.entries());
            for (JarEntry e : entries) {
                if (!e.getName().startsWith("lib/") || e.isDirectory()) {
                    continue;
                }
                String where = c + ": " + e.getName();
                assertEquals(ZipEntry.STORED, e.getMethod(),
                        where + " is compressed (method " + e.getMethod() + "); nested jars must be STORED");
                assertEquals(e.getSize(), e.getCompressedSize(), where + ": STORED but size != compressed size");
                byte[] bytes;
                try (InputStream in = jar.getInputStream(e)) {
                    bytes = IO.readAll(in);
                }
                assertEquals(e.getSize(), bytes.length, where + ": size in the central directory vs bytes read");
                CRC32 crc = new CRC32();
                crc.update(bytes);
                assertEquals(e.getCrc(), crc.getValue(), where + ": CRC-32 in the central directory vs bytes");
                assertTrue(bytes.length >= 4 && bytes[0] == 'P' && bytes[1] == 'K' && bytes[2] == 3 && bytes[3] == 4,
                        where + " does not start with a zip local header (PK\\3\\4)");
                int read = 0;
                Manifest nestedManifest;
                try (JarInputStream nested = new JarInputStream(new ByteArrayInputStream(bytes))) {
                    nestedManifest = nested.getManifest();
                    // Reading every entry to its end makes the JDK check each nested entry's CRC and sizes.
                    while (nested.getNextJarEntry() != null) {
                        IO.readAll(nested);
                        read++;
                    }
                } catch (IOException | RuntimeException ex) {
                    fail(where + " is not a readable jar: " + ex, ex);
                    return;
                }
                assertTrue(read > 0 || nestedManifest != null, where + ": JarInputStream found no entry and no manifest");
            }
        }
    }

    static List<String> entryNames(ArkCase c) throws IOException {
        List<String> names = new ArrayList<String>();
        try (JarFile jar = new JarFile(c.jar)) {
            for (JarEntry e : Collections.list(jar.entries())) {
                names.add(e.getName());
            }
        }
        return names;
    }
}
