/*
 * What tasks arkBiz and arkPlugin share: their extension (`arkpack { }`, `arkPlugin { }`) and its skip
 * option, the module's jar (from the `jar` task), the project's resolved libraries (ResolvedFacts), the
 * reproducible timestamp, the request's common part, and running `arkpack` on a request file. Every getter
 * is an annotated task property, so Gradle decides up-to-dateness from declared inputs and outputs.
 */
package dev.arkpack.gradle;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import org.gradle.api.DefaultTask;
import org.gradle.api.GradleException;
import org.gradle.api.Task;
import org.gradle.api.artifacts.Configuration;
import org.gradle.api.file.FileCollection;
import org.gradle.api.tasks.Input;
import org.gradle.api.tasks.InputFiles;
import org.gradle.api.tasks.Internal;
import org.gradle.api.tasks.Optional;
import org.gradle.api.tasks.OutputFile;
import org.gradle.api.tasks.PathSensitive;
import org.gradle.api.tasks.PathSensitivity;

import dev.arkpack.host.ArkpackCommand;
import dev.arkpack.host.Coordinates;
import dev.arkpack.host.Json;
import dev.arkpack.host.Values;

public abstract class AbstractArkpackTask<E extends AbstractArkpackExtension> extends DefaultTask {
    /** Gradle's configurations for the compile and runtime classpaths of the main source set (4.4 and 8.x). */
    static final String RUNTIME_CLASSPATH = "runtimeClasspath";
    static final String COMPILE_CLASSPATH = "compileClasspath";

    private final Class<E> extensionType;
    private final String extensionName;
    private transient List<ResolvedFacts.Library> libraries;

    /** {@code extensionName} is the name of the extension of type {@code extensionType}, as messages name options. */
    AbstractArkpackTask(Class<E> extensionType, String extensionName, String description) {
        this.extensionType = extensionType;
        this.extensionName = extensionName;
        setGroup("build");
        setDescription(description);
        onlyIf(t -> !ext().isSkip());
    }

    @Internal
    public E getExtension() {
        return ext();
    }

    E ext() {
        return getProject().getExtensions().getByType(extensionType);
    }

    /** The extension name used in messages: {@code arkpack} or {@code arkPlugin}. */
    String extensionName() {
        return extensionName;
    }

    /** Whether the libraries carry the graph facts (parent, dependsOn). */
    abstract boolean graphFacts();

    /** Whether {@code provided} (compileOnly) libraries are part of the request. */
    abstract boolean withProvided();

    Task jarTask() {
        Task jar = getProject().getTasks().findByName("jar");
        if (jar == null) {
            throw new GradleException("arkpack: task " + getName() + " needs the `jar` task; apply the `java` plugin");
        }
        return jar;
    }

    /** The module's plain jar: the output of task {@code jar}. */
    @InputFiles
    @PathSensitive(PathSensitivity.NAME_ONLY)
    public FileCollection getModuleFiles() {
        return jarTask().getOutputs().getFiles();
    }

    File moduleJar() {
        File jar = null;
        for (File f : getModuleFiles()) {
            if (f.getName().endsWith(".jar")) {
                jar = f;
            }
        }
        if (jar == null || !jar.isFile()) {
            throw new GradleException("arkpack: the module's jar is missing (" + (jar == null ? "task jar declares no .jar output" : jar)
                    + "); task " + getName() + " runs after task jar");
        }
        return jar;
    }

    /** Every library file arkpack may read: the runtime and compile classpaths, by name and content. */
    @InputFiles
    @PathSensitive(PathSensitivity.NAME_ONLY)
    public FileCollection getLibraryFiles() {
        return getProject().files((Callable<Object>) () -> {
            List<Object> files = new ArrayList<>();
            Configuration runtime = configuration(RUNTIME_CLASSPATH);
            if (runtime != null) {
                files.add(runtime);
            }
            Configuration compile = withProvided() ? configuration(COMPILE_CLASSPATH) : null;
            if (compile != null) {
                files.add(compile);
            }
            return files;
        });
    }

    /** The libraries as arkpack sees them, without their files: coordinates, scope and graph facts. */
    @Input
    public String getLibraryFacts() {
        StringBuilder sb = new StringBuilder();
        for (ResolvedFacts.Library l : libraries()) {
            sb.append(l.coordinates()).append(' ').append(l.extension).append(' ').append(l.scope);
            if (graphFacts()) {
                sb.append(" parent=").append(l.parent).append(" dependsOn=").append(l.dependsOn);
            }
            sb.append('\n');
        }
        return sb.toString();
    }

    /** The timestamp sent to arkpack: the {@code outputTimestamp} option, else {@code SOURCE_DATE_EPOCH}. */
    @Input
    @Optional
    public String getEffectiveOutputTimestamp() {
        Object option = ext().getOutputTimestamp();
        String v = option instanceof java.util.Date
                ? Long.toString(((java.util.Date) option).getTime() / 1000L) : Values.string(option);
        if (v == null) {
            v = Values.string(System.getenv("SOURCE_DATE_EPOCH"));
        }
        return v;
    }

    /** The request file written for arkpack (kept, so `arkpack ... --request FILE --list` can replay it). */
    @OutputFile
    public abstract File getRequestFile();

    Configuration configuration(String name) {
        return getProject().getConfigurations().findByName(name);
    }

    List<ResolvedFacts.Library> libraries() {
        if (libraries == null) {
            Configuration runtime = configuration(RUNTIME_CLASSPATH);
            Configuration compile = configuration(COMPILE_CLASSPATH);
            if (runtime == null) {
                throw new GradleException("arkpack: task " + getName() + " needs the `runtimeClasspath` configuration; "
                        + "apply the `java` plugin");
            }
            List<ResolvedFacts.Library> all = ResolvedFacts.collect(runtime, compile, graphFacts());
            if (!withProvided()) {
                all.removeIf(l -> "provided".equals(l.scope));
            }
            libraries = all;
        }
        return libraries;
    }

    /** The request's library objects (docs/request.md). */
    List<Object> libraryObjects() {
        List<Object> out = new ArrayList<>();
        for (ResolvedFacts.Library l : libraries()) {
            Map<String, Object> o = Coordinates.library(l.groupId, l.artifactId, l.version, l.classifier, l.extension,
                    l.scope, l.file);
            if (graphFacts()) {
                if (l.parent != null) {
                    o.put("parent", l.parent);
                }
                o.put("dependsOn", new ArrayList<>(l.dependsOn));
            }
            out.add(o);
        }
        return out;
    }

    /** The project's coordinates: {@code group}, {@code name}, {@code version}. */
    Map<String, Object> projectCoordinates() {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("groupId", String.valueOf(getProject().getGroup()));
        p.put("artifactId", getProject().getName());
        p.put("version", String.valueOf(getProject().getVersion()));
        return p;
    }

    /** The request's facts both tasks send first: the libraries, the project's coordinates and the module jar. */
    Map<String, Object> newRequest() {
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("libraries", libraryObjects());
        request.put("project", projectCoordinates());
        Map<String, Object> module = new LinkedHashMap<>();
        module.put("jar", moduleJar().getAbsolutePath());
        request.put("module", module);
        return request;
    }

    /** Writes the request, runs {@code arkpack <command>}, renders its diagnostics; fails with the option named. */
    ArkpackCommand.Result run(String command, Map<String, Object> request) {
        File requestFile = getRequestFile();
        try {
            Files.createDirectories(requestFile.getParentFile().toPath());
            Files.write(requestFile.toPath(), Json.write(request).getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new GradleException("arkpack: cannot write " + requestFile + ": " + e.getMessage(), e);
        }
        File binary = GradleHost.binary(Options.file(getProject(), ext().getExecutable()), extensionName() + ".executable",
                getLogger());
        getLogger().info("arkpack: running {} {} on {}", binary, command, requestFile);
        return GradleHost.run(binary, command, requestFile, getLogger(), extensionName());
    }

    static void putList(Map<String, Object> m, String key, List<String> items) {
        if (items != null && !items.isEmpty()) {
            m.put(key, items);
        }
    }

    static void putString(Map<String, Object> m, String key, String value) {
        if (value != null) {
            m.put(key, value);
        }
    }
}
