package arkpack.conformance;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import com.alipay.sofa.ark.container.model.PluginModel;
import com.alipay.sofa.ark.container.service.ArkServiceContainer;
import com.alipay.sofa.ark.container.service.ArkServiceContainerHolder;
import com.alipay.sofa.ark.container.service.plugin.PluginFactoryServiceImpl;
import com.alipay.sofa.ark.loader.JarPluginArchive;
import com.alipay.sofa.ark.loader.archive.JarFileArchive;
import com.alipay.sofa.ark.spi.model.Plugin;

/**
 * Each case jar given to the container's own PluginFactoryServiceImpl.createPlugin, the step that turns a
 * plugin file into the PluginModel the container starts: a plugin must come out with the expected model and
 * export index; a biz must be refused as "not a plugin".
 *
 * createPlugin builds a PluginClassLoader and a PluginContextImpl, which ask the service container for two
 * services. Outside a running container there is none, so a container without services stands in (those
 * services are only used once classes are loaded through the plugin loader, which this test does not do).
 */
class PluginModelTest {
    private static ArkServiceContainer previous;

    @BeforeAll
    static void standInServiceContainer() {
        com.alipay.sofa.ark.loader.jar.JarFile.registerUrlProtocolHandler();
        previous = ArkServiceContainerHolder.getContainer();
        ArkServiceContainerHolder.setContainer(new ArkServiceContainer(new String[0]) {
            @Override
            public <T> T getService(Class<T> clazz) {
                return null;
            }
        });
    }

    @AfterAll
    static void restoreServiceContainer() {
        ArkServiceContainerHolder.setContainer(previous);
    }

    static List<ArkCase> cases() throws IOException {
        return ArkCase.all();
    }

    static JarPluginArchive openAsPlugin(ArkCase c) throws IOException {
        return new JarPluginArchive(new JarFileArchive(new com.alipay.sofa.ark.loader.jar.JarFile(c.jar)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void pluginFactoryBuildsTheExpectedPluginModel(ArkCase c) throws Exception {
        PluginFactoryServiceImpl factory = new PluginFactoryServiceImpl();
        JarPluginArchive archive = openAsPlugin(c);
        if (c.isBiz()) {
            // isArkPlugin: a biz has no com/alipay/sofa/ark/plugin/mark, so the container refuses it as a plugin.
            IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                    () -> factory.createPlugin(archive), c + ": a biz must not be accepted as a plugin");
            assertTrue(String.valueOf(refused.getMessage()).contains("plugin"), c + ": " + refused);
            return;
        }
        assertTrue(c.isPlugin(), c + ": unsupported kind " + c.kind);
        Plugin plugin = factory.createPlugin(archive);
        assertTrue(plugin instanceof PluginModel, c + ": createPlugin returned " + plugin);
        PluginModel model = (PluginModel) plugin;
        assertEquals(c.pluginName, model.getPluginName(), c + ": PluginModel.getPluginName");
        assertEquals(c.groupId, model.getGroupId(), c + ": PluginModel.getGroupId");
        assertEquals(c.artifactId, model.getArtifactId(), c + ": PluginModel.getArtifactId");
        assertEquals(c.version, model.getVersion(), c + ": PluginModel.getVersion");
        assertEquals(Integer.parseInt(c.priority.trim()), model.getPriority(), c + ": PluginModel.getPriority");
        assertEquals(c.activator, model.getPluginActivator(), c + ": PluginModel.getPluginActivator");
        assertArrayEquals(archive.getUrls(), model.getClassPath(), c + ": PluginModel.getClassPath vs the archive's URLs");
        assertNotNull(model.getPluginClassLoader(), c + ": no PluginClassLoader");

        // The export index the container resolves other plugins' and bizs' classes with.
        Set<String> expectedNodes = new LinkedHashSet<String>();
        Set<String> expectedStems = new LinkedHashSet<String>();
        for (String p : ArkCase.csvSet(c.exportPackages)) {
            if (p.endsWith(".*")) {
                expectedStems.add(p.substring(0, p.length() - 2));
            } else {
                expectedNodes.add(p);
            }
        }
        assertEquals(expectedNodes, new LinkedHashSet<String>(model.getExportPackageNodes()), c + ": export package nodes");
        assertEquals(expectedStems, new LinkedHashSet<String>(model.getExportPackageStems()), c + ": export package stems");
        assertEquals(c.exportClasses, new LinkedHashSet<String>(model.getExportClasses()), c + ": export classes");
        assertEquals(ArkCase.csvSet(c.importPackages),
                union(model.getImportPackageNodes(), suffixed(model.getImportPackageStems())), c + ": import packages");

        // Every exported package holds a class of the plugin (its root or a lib/ jar): an export that matches
        // nothing would make the container route lookups to a plugin that cannot serve them.
        Set<String> packages = packagesOnClassPath(c, model.getClassPath());
        for (String node : expectedNodes) {
            assertTrue(packages.contains(node), c + ": exported package " + node + " has no class in the plugin");
        }
        for (String stem : expectedStems) {
            boolean found = false;
            for (String p : packages) {
                found |= p.equals(stem) || p.startsWith(stem + ".");
            }
            assertTrue(found, c + ": exported packages " + stem + ".* have no class in the plugin");
        }
    }

    private static Set<String> suffixed(Set<String> stems) {
        Set<String> out = new LinkedHashSet<String>();
        for (String s : stems) {
            out.add(s + ".*");
        }
        return out;
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> out = new LinkedHashSet<String>(a);
        out.addAll(b);
        return out;
    }

    /** The packages of every class on the plugin's class path: its root entries and its lib/ jars' entries. */
    private static Set<String> packagesOnClassPath(ArkCase c, URL[] classPath) throws IOException {
        Set<String> packages = new LinkedHashSet<String>();
        List<String> classes = new ArrayList<String>();
        try (JarFile jar = new JarFile(c.jar)) {
            for (JarEntry e : Collections.list(jar.entries())) {
                if (e.getName().startsWith("lib/") && !e.isDirectory()) {
                    try (InputStream in = jar.getInputStream(e)) {
                        classes.addAll(IO.fileEntries(IO.readAll(in)));
                    }
                } else {
                    classes.add(e.getName());
                }
            }
        }
        try (URLClassLoader loader = new URLClassLoader(classPath, null)) {
            for (String name : classes) {
                if (name.endsWith(".class") && name.contains("/") && loader.findResource(name) != null) {
                    packages.add(name.substring(0, name.lastIndexOf('/')).replace('/', '.'));
                }
            }
        }
        return packages;
    }
}
