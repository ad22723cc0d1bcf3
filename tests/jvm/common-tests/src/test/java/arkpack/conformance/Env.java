package arkpack.conformance;

import java.io.File;

/**
 * The settings the tests read from system properties. Missing settings are errors, never a reason to skip:
 * a conformance run that checked nothing must not look green.
 */
final class Env {
    private Env() {
    }

    /** The SOFAArk line under test ("2.x" or "3.x"), set by the module's pom. */
    static String line() {
        return required("sofa.ark.line", "set by sofa-ark-2x/pom.xml or sofa-ark-3x/pom.xml");
    }

    static String archiveVersion() {
        return required("sofa.ark.archive.version", "set by the module's pom");
    }

    static String allVersion() {
        return required("sofa.ark.all.version", "set by the module's pom");
    }

    /** The directory of {@code <case>.jar} + {@code <case>.expect.properties} pairs. */
    static File casesDir() {
        File dir = path("arkpack.cases", "-Darkpack.cases=DIR: a directory of <case>.jar and <case>.expect.properties");
        if (!dir.isDirectory()) {
            throw new IllegalStateException("arkpack.cases is not a directory: " + dir);
        }
        return dir;
    }

    /** The arkpack executable. */
    static File arkpackBin() {
        File bin = path("arkpack.bin", "-Darkpack.bin=PATH: the arkpack executable, e.g. target/release/arkpack");
        if (!bin.isFile() || !bin.canExecute()) {
            throw new IllegalStateException("arkpack.bin is not an executable file: " + bin);
        }
        return bin;
    }

    /** The sofa-ark-all jar of this line, copied to target/sofa-ark/ by maven-dependency-plugin. */
    static File sofaArkAllJar() {
        File jar = path("sofa.ark.all.jar", "set by the parent pom (maven-dependency-plugin copy)");
        if (!jar.isFile()) {
            throw new IllegalStateException("sofa-ark-all jar not found: " + jar
                    + " (it is copied in the generate-test-resources phase; run through mvn test)");
        }
        return jar;
    }

    private static String required(String key, String hint) {
        String value = System.getProperty(key);
        if (value == null || value.trim().isEmpty() || value.startsWith("${")) {
            throw new IllegalStateException("system property " + key + " is not set (" + hint + ")");
        }
        return value.trim();
    }

    /** A path setting; a relative one is taken from the directory mvn was started in. */
    private static File path(String key, String hint) {
        File file = new File(required(key, hint));
        if (!file.isAbsolute()) {
            String base = System.getProperty("arkpack.invocation.dir");
            if (base != null && !base.trim().isEmpty()) {
                file = new File(base.trim(), file.getPath());
            }
        }
        return file.getAbsoluteFile();
    }
}
