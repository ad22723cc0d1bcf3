package arkpack.conformance;

import java.io.File;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;

/**
 * One conformance case: {@code <name>.jar} and what it must contain, from {@code <name>.expect.properties}.
 * The Rust test suite writes these pairs; every JVM test runs once per case and checks what its kind
 * ({@code biz} or {@code plugin}) must hold.
 */
final class ArkCase {
    static final String KIND_BIZ = "biz";
    static final String KIND_PLUGIN = "plugin";

    private static final List<String> BIZ_KEYS = Arrays.asList(
            "kind", "bizName", "bizVersion", "priority", "mainClass", "webContextPath",
            "denyImportPackages", "declaredLibraries", "libs");

    private static final List<String> PLUGIN_KEYS = Arrays.asList(
            "kind", "pluginName", "groupId", "artifactId", "version", "priority", "activator",
            "exportPackages", "importPackages", "exportClasses", "libs");

    final String name;
    final File jar;
    final String kind;
    final String bizName;
    final String bizVersion;
    final String priority;
    final String mainClass;
    final String webContextPath;
    final String denyImportPackages;
    final String declaredLibraries;
    // kind=plugin (null for a biz)
    final String pluginName;
    final String groupId;
    final String artifactId;
    final String version;
    /** The PluginActivator class; empty when the plugin has none. */
    final String activator;
    final String exportPackages;
    final String importPackages;
    /** export-classes as a set (the official plugin writes them in HashSet order). */
    final Set<String> exportClasses;
    /** The non-directory entries under lib/, in central-directory order. */
    final List<String> libs;

    private ArkCase(String name, File jar, Properties p) {
        this.name = name;
        this.jar = jar;
        this.kind = p.getProperty("kind").trim();
        this.bizName = p.getProperty("bizName");
        this.bizVersion = p.getProperty("bizVersion");
        this.priority = p.getProperty("priority");
        this.mainClass = p.getProperty("mainClass");
        this.webContextPath = p.getProperty("webContextPath");
        this.denyImportPackages = p.getProperty("denyImportPackages");
        this.declaredLibraries = p.getProperty("declaredLibraries");
        this.pluginName = p.getProperty("pluginName");
        this.groupId = p.getProperty("groupId");
        this.artifactId = p.getProperty("artifactId");
        this.version = p.getProperty("version");
        this.activator = p.getProperty("activator");
        this.exportPackages = p.getProperty("exportPackages");
        this.importPackages = p.getProperty("importPackages");
        this.exportClasses = csvSet(p.getProperty("exportClasses"));
        List<String> libList = new ArrayList<String>();
        for (String lib : p.getProperty("libs").split(",")) {
            if (!lib.trim().isEmpty()) {
                libList.add(lib.trim());
            }
        }
        this.libs = Collections.unmodifiableList(libList);
    }

    /** Every case in {@code -Darkpack.cases}; fails when there is none. Used as a JUnit method source. */
    static List<ArkCase> all() throws IOException {
        File dir = Env.casesDir();
        File[] expectFiles = dir.listFiles((d, n) -> n.endsWith(".expect.properties"));
        File[] jars = dir.listFiles((d, n) -> n.endsWith(".jar"));
        if (expectFiles == null || expectFiles.length == 0) {
            throw new IllegalStateException("no <case>.expect.properties in arkpack.cases=" + dir);
        }
        Arrays.sort(expectFiles);
        List<ArkCase> cases = new ArrayList<ArkCase>();
        for (File expect : expectFiles) {
            String caseName = expect.getName().substring(0, expect.getName().length() - ".expect.properties".length());
            File jar = new File(dir, caseName + ".jar");
            if (!jar.isFile()) {
                throw new IllegalStateException("case " + caseName + ": " + expect + " has no " + jar.getName());
            }
            Properties p = new Properties();
            try (Reader in = new InputStreamReader(new FileInputStream(expect), StandardCharsets.UTF_8)) {
                p.load(in);
            }
            String kind = p.getProperty("kind");
            List<String> required;
            if (kind != null && kind.trim().equals(KIND_BIZ)) {
                required = BIZ_KEYS;
            } else if (kind != null && kind.trim().equals(KIND_PLUGIN)) {
                required = PLUGIN_KEYS;
            } else {
                throw new IllegalStateException("case " + caseName + ": " + expect + " has kind=" + kind
                        + "; expected " + KIND_BIZ + " or " + KIND_PLUGIN);
            }
            for (String key : required) {
                if (p.getProperty(key) == null) {
                    throw new IllegalStateException("case " + caseName + ": " + expect + " lacks the key " + key);
                }
            }
            cases.add(new ArkCase(caseName, jar, p));
        }
        for (File jar : jars == null ? new File[0] : jars) {
            String caseName = jar.getName().substring(0, jar.getName().length() - ".jar".length());
            if (!new File(dir, caseName + ".expect.properties").isFile()) {
                throw new IllegalStateException("case " + caseName + ": " + jar + " has no .expect.properties");
            }
        }
        return cases;
    }

    boolean isBiz() {
        return KIND_BIZ.equals(kind);
    }

    boolean isPlugin() {
        return KIND_PLUGIN.equals(kind);
    }

    /** The mark entry the runtime looks for to accept an archive of this kind. */
    String markEntry() {
        return isPlugin() ? "com/alipay/sofa/ark/plugin/mark" : "com/alipay/sofa/ark/biz/mark";
    }

    /** A comma-separated value as the runtime reads it: split on ",", trimmed, blanks dropped. */
    static Set<String> csvSet(String value) {
        Set<String> out = new LinkedHashSet<String>();
        if (value != null) {
            for (String item : value.split(",")) {
                if (!item.trim().isEmpty()) {
                    out.add(item.trim());
                }
            }
        }
        return out;
    }

    @Override
    public String toString() {
        return name;
    }
}
