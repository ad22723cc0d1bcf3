package arkpack.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.Writer;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.alipay.sofa.ark.loader.ExecutableArkBizJar;
import com.alipay.sofa.ark.loader.archive.JarFileArchive;
import com.alipay.sofa.ark.spi.archive.BizArchive;
import com.alipay.sofa.ark.spi.archive.ContainerArchive;
import com.alipay.sofa.ark.spi.constant.Constants;

/**
 * End to end: arkpack makes a biz jar and the executable ark jar around this line's real sofa-ark-all; SOFAArk's
 * ExecutableArkBizJar reads it, and a JVM launches it, which starts the container, which starts the biz.
 */
class ExecutableArkJarTest {
    static final String BIZ_NAME = "exe-demo";
    static final String BIZ_VERSION = "1.0.0";
    static final String LIB_FILE = "exe-greeting-1.0.0.jar";
    static final String MAIN_CLASS = "arkpack.fixture.exe.ExeMain";
    static final String MARKER = "ARKPACK-EXE-MARKER greeting for exe-demo from a nested library";
    static final String ARK_LAUNCHER = "com.alipay.sofa.ark.bootstrap.ArkLauncher";
    static final long LAUNCH_TIMEOUT_SECONDS = 60;

    @TempDir
    static Path tmp;

    static File containerJar;
    static File bizJar;
    static File exeJar;

    @BeforeAll
    static void packWithArkpack() throws Exception {
        File bin = Env.arkpackBin();
        containerJar = Env.sofaArkAllJar();
        com.alipay.sofa.ark.loader.jar.JarFile.registerUrlProtocolHandler();

        File libClasses = dir("lib-classes");
        compile(libClasses, null, "arkpack/fixture/greeting/Greeting.java",
                "package arkpack.fixture.greeting;\n"
                        + "public final class Greeting {\n"
                        + "    public static String of(String who) {\n"
                        + "        return \"greeting for \" + who + \" from a nested library\";\n"
                        + "    }\n"
                        + "}\n");
        File libJar = new File(dir("libs"), LIB_FILE);
        jar(libClasses, libJar);

        File bizClasses = dir("biz-classes");
        compile(bizClasses, libClasses, "arkpack/fixture/exe/ExeMain.java",
                "package arkpack.fixture.exe;\n"
                        + "public class ExeMain {\n"
                        + "    public static void main(String[] args) {\n"
                        + "        System.out.println(\"ARKPACK-EXE-MARKER \" + arkpack.fixture.greeting.Greeting.of(\"exe-demo\")\n"
                        + "                + \" loaded by \" + ExeMain.class.getClassLoader().getClass().getName());\n"
                        + "    }\n"
                        + "}\n");

        bizJar = tmp.resolve("biz.jar").toFile();
        exeJar = tmp.resolve("exe.jar").toFile();
        List<String> command = Arrays.asList(bin.getPath(), "biz",
                "--classes", bizClasses.getPath(),
                "--lib", libJar.getPath(),
                "--name", BIZ_NAME,
                "--version", BIZ_VERSION,
                "--main-class", MAIN_CLASS,
                "--container", containerJar.getPath(),
                "--out", bizJar.getPath(),
                "--executable-out", exeJar.getPath());
        IO.Run run = IO.run(command, tmp.toFile(), tmp.resolve("arkpack.log").toFile(), 120);
        assertTrue(!run.timedOut && run.exitCode == 0, "arkpack failed\n" + run.describe(command));
        assertTrue(bizJar.isFile(), "arkpack wrote no biz jar\n" + run.describe(command));
        assertTrue(exeJar.isFile(), "arkpack wrote no executable jar\n" + run.describe(command));
    }

    @Test
    void executableLayoutAsTheJdkSeesIt() throws IOException {
        try (JarFile exe = new JarFile(exeJar)) {
            Manifest manifest = exe.getManifest();
            assertNotNull(manifest, "executable jar has no manifest");
            assertEquals(ARK_LAUNCHER, manifest.getMainAttributes().getValue(Attributes.Name.MAIN_CLASS), "Main-Class");
            assertNotNull(exe.getEntry(ARK_LAUNCHER.replace('.', '/') + ".class"),
                    "the launcher class is not at the jar root");

            String containerEntry = "SOFA-ARK/container/" + containerJar.getName();
            assertStoredCopyOf(exe, containerEntry, containerJar);
            assertStoredCopyOf(exe, "SOFA-ARK/biz/" + BIZ_NAME + "-" + BIZ_VERSION + "-ark-biz.jar", bizJar);
        }
    }

    @Test
    void sofaArkFindsTheContainerAndTheBiz() throws Exception {
        ExecutableArkBizJar executable = new ExecutableArkBizJar(new JarFileArchive(exeJar));

        ContainerArchive container = executable.getContainerArchive();
        assertNotNull(container, "ExecutableArkBizJar.getContainerArchive() is null");
        assertTrue(container.getUrl().toString().endsWith("!/SOFA-ARK/container/" + containerJar.getName() + "!/"),
                "container archive URL " + container.getUrl());
        boolean containerImpl = false;
        for (URL url : container.getUrls()) {
            containerImpl |= url.toString().contains("/lib/sofa-ark-container-");
        }
        assertTrue(containerImpl, "the container class path has no sofa-ark-container jar: "
                + Arrays.toString(container.getUrls()));

        List<BizArchive> bizs = executable.getBizArchives();
        assertEquals(1, bizs.size(), "biz archives in the executable jar");
        BizArchive biz = bizs.get(0);
        Attributes main = biz.getManifest().getMainAttributes();
        assertEquals(BIZ_NAME, main.getValue(Constants.ARK_BIZ_NAME), "embedded biz Ark-Biz-Name");
        assertEquals(BIZ_VERSION, main.getValue(Constants.ARK_BIZ_VERSION), "embedded biz Ark-Biz-Version");
        assertEquals(MAIN_CLASS, main.getValue(Constants.START_CLASS_ATTRIBUTE), "embedded biz Start-Class");
        assertTrue(biz.isEntryExist(e -> !e.isDirectory() && e.getName().equals(Constants.ARK_BIZ_MARK_ENTRY)),
                "embedded biz has no mark");
        boolean lib = false;
        for (URL url : biz.getUrls()) {
            lib |= url.toString().endsWith("!/lib/" + LIB_FILE + "!/");
        }
        assertTrue(lib, "embedded biz class path lacks lib/" + LIB_FILE + ": " + Arrays.toString(biz.getUrls()));

        assertTrue(executable.getPluginArchives().isEmpty(), "plugin archives: " + executable.getPluginArchives());
    }

    /** What a user does with the executable jar. */
    @Test
    void launchesWithJavaDashJar() throws Exception {
        List<String> command = new ArrayList<String>(javaCommand("java-jar"));
        command.add("-jar");
        command.add(exeJar.getPath());
        IO.Run run = IO.run(command, tmp.toFile(), tmp.resolve("java-jar.log").toFile(), LAUNCH_TIMEOUT_SECONDS);
        String hint = "";
        if (run.output.contains("NoClassDefFoundError: com/alipay/sofa/ark/common/util/FileUtils")) {
            hint = "\nThe jar root lacks helper classes the bootstrap needs before it opens the container "
                    + "(com.alipay.sofa.ark.common.util.FileUtils, ClassLoaderUtils, ClassUtils and "
                    + "com.alipay.sofa.ark.exception.*). The official sofa-ark-maven-plugin copies the same "
                    + "class set and fails the same way (sofastack/sofa-ark issue #903).";
        }
        assertBizRan(run, command, hint);
    }

    /**
     * The same launch with the bootstrap's helper jars (sofa-ark-common, sofa-ark-exception, taken from this very
     * sofa-ark-all) beside the executable jar: everything the container and the biz load still comes from it.
     */
    @Test
    void launchesWithTheBootstrapHelpersOnTheClassPath() throws Exception {
        List<File> helpers = new ArrayList<File>();
        try (JarFile all = new JarFile(containerJar)) {
            for (String artifact : Arrays.asList("sofa-ark-common", "sofa-ark-exception")) {
                String entry = "lib/" + artifact + "-" + Env.allVersion() + ".jar";
                ZipEntry e = all.getEntry(entry);
                assertNotNull(e, containerJar + " has no " + entry);
                File out = tmp.resolve(artifact + ".jar").toFile();
                try (InputStream in = all.getInputStream(e)) {
                    Files.write(out.toPath(), IO.readAll(in));
                }
                helpers.add(out);
            }
        }
        StringBuilder classPath = new StringBuilder(exeJar.getPath());
        for (File helper : helpers) {
            classPath.append(File.pathSeparator).append(helper.getPath());
        }
        List<String> command = new ArrayList<String>(javaCommand("classpath"));
        command.add("-cp");
        command.add(classPath.toString());
        command.add(ARK_LAUNCHER);
        IO.Run run = IO.run(command, tmp.toFile(), tmp.resolve("classpath.log").toFile(), LAUNCH_TIMEOUT_SECONDS);
        assertBizRan(run, command, "");
    }

    static void assertBizRan(IO.Run run, List<String> command, String hint) {
        // Kept in target/surefire-reports/*-output.txt (redirectTestOutputToFile).
        System.out.println("=== " + String.join(" ", command) + "\n" + run.output);
        String markerLine = null;
        for (String line : run.output.split("\r?\n")) {
            if (line.startsWith(MARKER)) {
                markerLine = line;
            }
        }
        assertNotNull(markerLine, "the biz main did not print its marker line" + hint + "\n" + run.describe(command));
        // Run by the container as a biz, not found on the application class path.
        assertTrue(markerLine.contains("BizClassLoader"), "biz main ran in " + markerLine + "\n" + run.describe(command));
        assertFalse(run.timedOut, "the ark container did not exit\n" + run.describe(command));
        assertEquals(0, run.exitCode, "exit code\n" + run.describe(command));
    }

    /** The test's own java, with the container's telnet server off (no fixed port) and its logs kept in tmp. */
    static List<String> javaCommand(String logName) {
        File java = new File(new File(System.getProperty("java.home"), "bin"), "java");
        return Arrays.asList(java.getPath(),
                "-Dsofa.ark.telnet.server.enable=false",
                "-Dlogging.path=" + tmp.resolve("logs-" + logName));
    }

    static void assertStoredCopyOf(JarFile jar, String entryName, File original) throws IOException {
        ZipEntry e = jar.getEntry(entryName);
        assertNotNull(e, "no " + entryName);
        assertEquals(ZipEntry.STORED, e.getMethod(), entryName + " must be STORED");
        byte[] bytes = Files.readAllBytes(original.toPath());
        CRC32 crc = new CRC32();
        crc.update(bytes);
        assertEquals(bytes.length, e.getSize(), entryName + " size vs " + original);
        assertEquals(crc.getValue(), e.getCrc(), entryName + " CRC-32 vs " + original);
    }

    static File dir(String name) throws IOException {
        return Files.createDirectories(tmp.resolve(name)).toFile();
    }

    static void compile(File outDir, File classPath, String relativePath, String source) throws IOException {
        File src = tmp.resolve("src-" + outDir.getName()).resolve(relativePath).toFile();
        Files.createDirectories(src.getParentFile().toPath());
        try (Writer w = Files.newBufferedWriter(src.toPath(), StandardCharsets.UTF_8)) {
            w.write(source);
        }
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        assertNotNull(javac, "no system Java compiler: run the tests on a JDK");
        List<String> args = new ArrayList<String>();
        String spec = System.getProperty("java.specification.version");
        if (!spec.startsWith("1.")) {
            // Java 8 class files run on both lines.
            args.addAll(Arrays.asList("--release", "8"));
        }
        args.addAll(Arrays.asList("-encoding", "UTF-8", "-d", outDir.getPath()));
        if (classPath != null) {
            args.addAll(Arrays.asList("-classpath", classPath.getPath()));
        }
        args.add(src.getPath());
        int rc = javac.run(null, null, null, args.toArray(new String[0]));
        assertEquals(0, rc, "javac " + args);
    }

    /** A plain jar of a classes directory (manifest first, as the jar tool writes it). */
    static void jar(File classesDir, File jarFile) throws IOException {
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        try (OutputStream out = new FileOutputStream(jarFile);
             JarOutputStream jar = new JarOutputStream(out, manifest)) {
            List<Path> files = new ArrayList<Path>();
            try (java.util.stream.Stream<Path> walk = Files.walk(classesDir.toPath())) {
                walk.filter(Files::isRegularFile).sorted().forEach(files::add);
            }
            for (Path file : files) {
                String name = classesDir.toPath().relativize(file).toString().replace(File.separatorChar, '/');
                jar.putNextEntry(new JarEntry(name));
                jar.write(Files.readAllBytes(file));
                jar.closeEntry();
            }
        }
    }
}
