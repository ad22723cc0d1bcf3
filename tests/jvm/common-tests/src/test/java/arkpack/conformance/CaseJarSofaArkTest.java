package arkpack.conformance;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.Manifest;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import com.alipay.sofa.ark.loader.JarBizArchive;
import com.alipay.sofa.ark.loader.archive.JarFileArchive;
import com.alipay.sofa.ark.loader.JarPluginArchive;
import com.alipay.sofa.ark.spi.archive.AbstractArchive;
import com.alipay.sofa.ark.spi.archive.BizArchive;
import com.alipay.sofa.ark.spi.archive.PluginArchive;
import com.alipay.sofa.ark.spi.constant.Constants;
import com.alipay.sofa.ark.spi.service.PluginActivator;

/**
 * Each case jar opened the way the SOFAArk container opens it: the loader's own JarFile, then JarFileArchive,
 * then JarBizArchive for a biz (BizFactoryServiceImpl.createBiz) or JarPluginArchive for a plugin
 * (PluginFactoryServiceImpl.createPlugin); all classes are the real ones from Maven Central.
 */
class CaseJarSofaArkTest {

    @BeforeAll
    static void registerArkUrlHandler() {
        // What the launcher does first: nested "jar:...!/lib/x.jar!/" URLs are served by the loader's Handler.
        com.alipay.sofa.ark.loader.jar.JarFile.registerUrlProtocolHandler();
    }

    static List<ArkCase> cases() throws IOException {
        return ArkCase.all();
    }

    /** A JarBizArchive for a biz case, a JarPluginArchive for a plugin case. */
    static AbstractArchive open(ArkCase c) throws IOException {
        JarFileArchive archive = new JarFileArchive(new com.alipay.sofa.ark.loader.jar.JarFile(c.jar));
        if (c.isPlugin()) {
            return new JarPluginArchive(archive);
        }
        assertTrue(c.isBiz(), c + ": unsupported kind " + c.kind);
        return new JarBizArchive(archive);
    }

    /** The class path the runtime builds: BizArchive.getUrls() or PluginArchive.getUrls(). */
    static URL[] urls(AbstractArchive archive) throws IOException {
        if (archive instanceof PluginArchive) {
            return ((PluginArchive) archive).getUrls();
        }
        return ((BizArchive) archive).getUrls();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void runtimeReadsTheExpectedModel(ArkCase c) throws IOException {
        Manifest manifest = open(c).getManifest();
        assertNotNull(manifest, c + ": the archive's getManifest() is null");
        Attributes main = manifest.getMainAttributes();
        if (c.isPlugin()) {
            assertPluginAttributes(c, main);
            return;
        }
        assertEquals(c.bizName, main.getValue(Constants.ARK_BIZ_NAME), c + ": " + Constants.ARK_BIZ_NAME);
        assertEquals(c.bizVersion, main.getValue(Constants.ARK_BIZ_VERSION), c + ": " + Constants.ARK_BIZ_VERSION);
        // The container parses priority with Integer.valueOf; a non-integer fails biz creation.
        String priority = main.getValue(Constants.PRIORITY_ATTRIBUTE);
        assertNotNull(priority, c + ": no priority attribute");
        assertEquals(Integer.valueOf(c.priority), Integer.valueOf(priority), c + ": priority");
        // Start-Class first, Main-Class as the fallback, as the container resolves the biz main class.
        String start = main.getValue(Constants.START_CLASS_ATTRIBUTE);
        if (start == null || start.isEmpty()) {
            start = main.getValue(Constants.MAIN_CLASS_ATTRIBUTE);
        }
        assertEquals(c.mainClass, start, c + ": start class as the runtime resolves it");
        assertEquals(c.webContextPath, main.getValue(Constants.WEB_CONTEXT_PATH), c + ": web-context-path");
        assertEquals(c.denyImportPackages, main.getValue(Constants.DENY_IMPORT_PACKAGES), c + ": deny-import-packages");
        assertEquals(c.declaredLibraries, main.getValue(Constants.DECLARED_LIBRARIES), c + ": declared-libraries");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void runtimeDetectsTheMark(ArkCase c) throws IOException {
        // The container's isArkBiz / isArkPlugin test: a non-directory entry named exactly like the mark.
        String mark = c.isPlugin() ? Constants.ARK_PLUGIN_MARK_ENTRY : Constants.ARK_BIZ_MARK_ENTRY;
        assertEquals(c.markEntry(), mark, c + ": mark entry name");
        assertTrue(open(c).isEntryExist(e -> !e.isDirectory() && e.getName().equals(mark)),
                c + ": isEntryExist finds no " + mark + " file entry");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void classPathIsRootThenOneNestedUrlPerLibEntry(ArkCase c) throws IOException {
        AbstractArchive archive = open(c);
        URL[] urls = urls(archive);
        String root = archive.getUrl().toString();
        assertTrue(urls.length >= 1, c + ": getUrls() is empty");
        assertEquals(root, urls[0].toString(), c + ": the first class-path URL must be the " + c.kind + " root");

        // A biz gets a nested archive for every entry starting with lib/, directories included (JarBizArchive);
        // a plugin for every one except the lib/ directory entry itself (JarPluginArchive).
        List<String> libEntries = new ArrayList<String>();
        List<String> libFiles = new ArrayList<String>();
        try (JarFile jar = new JarFile(c.jar)) {
            for (JarEntry e : Collections.list(jar.entries())) {
                if (e.getName().startsWith("lib/") && !(c.isPlugin() && e.getName().equals("lib/"))) {
                    libEntries.add(stripSlash(e.getName()));
                    if (!e.isDirectory()) {
                        libFiles.add(e.getName());
                    }
                }
            }
        }
        List<String> nested = new ArrayList<String>();
        List<String> nestedFiles = new ArrayList<String>();
        for (int i = 1; i < urls.length; i++) {
            String name = nestedEntryName(root, urls[i]);
            nested.add(name);
            if (libFiles.contains(name)) {
                nestedFiles.add(name);
            }
        }
        assertEquals(libEntries, nested, c + ": nested class-path URLs vs entries under lib/ (" + Arrays.toString(urls) + ")");
        assertEquals(c.libs, nestedFiles, c + ": nested library URLs, in order");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void everyNestedLibraryUrlServesItsEntries(ArkCase c) throws Exception {
        AbstractArchive archive = open(c);
        String root = archive.getUrl().toString();
        Map<String, URL> byLib = new LinkedHashMap<String, URL>();
        for (URL url : urls(archive)) {
            if (!url.toString().equals(root)) {
                byLib.put(nestedEntryName(root, url), url);
            }
        }
        try (JarFile jdk = new JarFile(c.jar)) {
            for (String lib : c.libs) {
                URL url = byLib.get(lib);
                assertNotNull(url, c + ": no class-path URL for " + lib);
                byte[] libBytes;
                try (InputStream in = jdk.getInputStream(jdk.getEntry(lib))) {
                    libBytes = IO.readAll(in);
                }
                List<String> files = IO.fileEntries(libBytes);
                if (files.isEmpty()) {
                    continue; // A jar with only a manifest: nothing to read through the URL.
                }
                // Read the first file of the library through the runtime's URL, as a class loader would.
                String first = files.get(0);
                try (URLClassLoader only = new URLClassLoader(new URL[] {url}, null)) {
                    URL resource = only.findResource(first);
                    assertNotNull(resource, c + ": " + url + " does not serve " + first);
                    byte[] served;
                    try (InputStream in = resource.openStream()) {
                        served = IO.readAll(in);
                    }
                    assertArrayEquals(IO.entryBytes(libBytes, first), served,
                            c + ": bytes of " + first + " through " + resource);
                }
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void classLoaderLoadsAClassOfEveryLibraryAndFindsTheMainOrActivatorClass(ArkCase c) throws Exception {
        AbstractArchive archive = open(c);
        byte[] mainClassBytes;
        // A plugin sees the container's SPI (PluginActivator) as it does inside SOFAArk; a biz the JDK only.
        ClassLoader parent = c.isPlugin() ? new SpiOnlyLoader() : platformLoader();
        try (JarFile jdk = new JarFile(c.jar);
             URLClassLoader loader = new URLClassLoader(urls(archive), parent)) {
            for (String lib : c.libs) {
                JarEntry libEntry = jdk.getJarEntry(lib);
                assertNotNull(libEntry, c + ": no entry " + lib);
                byte[] libBytes;
                try (InputStream in = jdk.getInputStream(libEntry)) {
                    libBytes = IO.readAll(in);
                }
                List<String> classes = new ArrayList<String>();
                for (String name : IO.fileEntries(libBytes)) {
                    if (name.endsWith(".class") && !name.endsWith("module-info.class") && !name.startsWith("META-INF/")) {
                        classes.add(name.substring(0, name.length() - ".class".length()).replace('/', '.'));
                    }
                }
                if (classes.isEmpty()) {
                    continue;
                }
                // A class may need supertypes the base provides; one class of the library that defines is enough.
                List<String> failures = new ArrayList<String>();
                Class<?> loaded = null;
                for (String name : classes) {
                    try {
                        loaded = Class.forName(name, false, loader);
                        break;
                    } catch (ClassNotFoundException | LinkageError ex) {
                        failures.add(name + ": " + ex);
                    }
                }
                assertNotNull(loaded, c + ": no class of " + lib + " loads through the biz class path: " + failures);
                assertTrue(loaded.getClassLoader() == loader, c + ": " + loaded + " came from another loader");
            }
            if (c.isPlugin()) {
                assertPluginClasses(c, loader);
                return;
            }
            String mainResource = c.mainClass.replace('.', '/') + ".class";
            URL main = loader.getResource(mainResource);
            assertNotNull(main, c + ": the biz class path has no " + mainResource);
            try (InputStream in = main.openStream()) {
                mainClassBytes = IO.readAll(in);
            }
        }
        assertTrue(mainClassBytes.length > 4 && (mainClassBytes[0] & 0xff) == 0xCA && (mainClassBytes[1] & 0xff) == 0xFE
                && (mainClassBytes[2] & 0xff) == 0xBA && (mainClassBytes[3] & 0xff) == 0xBE,
                c + ": " + c.mainClass + " is not a class file");
    }

    /** The plugin attributes as PluginFactoryServiceImpl.createPlugin reads them (Constants are the runtime's names). */
    static void assertPluginAttributes(ArkCase c, Attributes main) {
        assertEquals(c.pluginName, main.getValue(Constants.PLUGIN_NAME_ATTRIBUTE), c + ": " + Constants.PLUGIN_NAME_ATTRIBUTE);
        assertEquals(c.groupId, main.getValue(Constants.GROUP_ID_ATTRIBUTE), c + ": " + Constants.GROUP_ID_ATTRIBUTE);
        assertEquals(c.artifactId, main.getValue(Constants.ARTIFACT_ID_ATTRIBUTE), c + ": " + Constants.ARTIFACT_ID_ATTRIBUTE);
        assertEquals(c.version, main.getValue(Constants.PLUGIN_VERSION_ATTRIBUTE), c + ": " + Constants.PLUGIN_VERSION_ATTRIBUTE);
        // PluginModel.setPriority parses with Integer.valueOf; a non-integer fails plugin creation.
        String priority = main.getValue(Constants.PRIORITY_ATTRIBUTE);
        assertNotNull(priority, c + ": no priority attribute");
        assertEquals(Integer.valueOf(c.priority), Integer.valueOf(priority), c + ": priority");
        assertEquals(c.activator, main.getValue(Constants.ACTIVATOR_ATTRIBUTE), c + ": " + Constants.ACTIVATOR_ATTRIBUTE);
        assertEquals(c.exportPackages, main.getValue(Constants.EXPORT_PACKAGES_ATTRIBUTE), c + ": " + Constants.EXPORT_PACKAGES_ATTRIBUTE);
        assertEquals(c.importPackages, main.getValue(Constants.IMPORT_PACKAGES_ATTRIBUTE), c + ": " + Constants.IMPORT_PACKAGES_ATTRIBUTE);
        assertEquals(c.exportClasses, ArkCase.csvSet(main.getValue(Constants.EXPORT_CLASSES_ATTRIBUTE)),
                c + ": " + Constants.EXPORT_CLASSES_ATTRIBUTE + " (as a set)");
    }

    /** The activator loads and is a PluginActivator; every exported class is on the plugin's class path. */
    static void assertPluginClasses(ArkCase c, URLClassLoader loader) throws Exception {
        if (!c.activator.trim().isEmpty()) {
            Class<?> activator = Class.forName(c.activator.trim(), false, loader);
            assertTrue(activator.getClassLoader() == loader, c + ": the activator came from another loader");
            assertTrue(PluginActivator.class.isAssignableFrom(activator),
                    c + ": " + activator + " does not implement " + PluginActivator.class.getName());
        }
        for (String exported : c.exportClasses) {
            assertNotNull(loader.findResource(exported.replace('.', '/') + ".class"),
                    c + ": export-classes names " + exported + ", which the plugin's class path does not hold");
        }
    }

    /** The JDK, plus the container's SPI (com.alipay.sofa.ark.spi.*), which SOFAArk exports to every plugin. */
    static final class SpiOnlyLoader extends ClassLoader {
        SpiOnlyLoader() {
            super(platformLoader());
        }

        @Override
        protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
            if (name.startsWith("com.alipay.sofa.ark.spi.")) {
                return CaseJarSofaArkTest.class.getClassLoader().loadClass(name);
            }
            return super.loadClass(name, resolve);
        }
    }

    /** "jar:file:/x/biz.jar!/lib/a.jar!/" with root "jar:file:/x/biz.jar!/" gives "lib/a.jar". */
    static String nestedEntryName(String root, URL url) {
        String s = url.toString();
        // A library whose entry comment is UNPACK:<sha1> is extracted by the runtime to
        // <tmpdir>/<biz jar>-spring-boot-libs-<uuid>/<name> and served from there as a file URL.
        if (s.startsWith("file:") && s.contains("-spring-boot-libs-")) {
            return "lib/" + s.substring(s.lastIndexOf('/') + 1);
        }
        assertTrue(s.startsWith(root), "nested URL " + s + " is not under the biz root " + root);
        String name = s.substring(root.length());
        assertTrue(name.endsWith("!/"), "nested URL " + s + " does not end with !/");
        assertFalse(name.isEmpty(), "empty nested URL " + s);
        return stripSlash(name.substring(0, name.length() - 2));
    }

    static String stripSlash(String name) {
        return name.endsWith("/") ? name.substring(0, name.length() - 1) : name;
    }

    /** The JDK's classes only, no test class path (Java 8: the extension loader; 9+: the platform loader). */
    static ClassLoader platformLoader() {
        return ClassLoader.getSystemClassLoader().getParent();
    }
}
