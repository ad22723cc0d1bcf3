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
import java.util.List;
import java.util.Properties;

/**
 * One conformance case: {@code <name>.jar} and what it must contain, from {@code <name>.expect.properties}.
 * The Rust test suite writes these pairs; every JVM test runs once per case.
 */
final class ArkCase {
    static final String KIND_BIZ = "biz";

    private static final List<String> REQUIRED_KEYS = Arrays.asList(
            "kind", "bizName", "bizVersion", "priority", "mainClass", "webContextPath",
            "denyImportPackages", "declaredLibraries", "libs");

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
            for (String key : REQUIRED_KEYS) {
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

    @Override
    public String toString() {
        return name;
    }
}
