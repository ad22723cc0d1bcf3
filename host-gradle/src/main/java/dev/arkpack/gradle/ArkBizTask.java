/*
 * Task `arkBiz`: the ark-biz jar (and, unless skipArkExecutable, the executable ark jar) of a module, made by
 * `arkpack biz`. The twin of the Maven plugin's `repackage` goal: it sends the same request keys for the
 * same facts, so both hosts write the same bytes. It holds no packaging logic: the options of `arkpack { }`
 * go to arkpack verbatim, the conf/ folder is passed as a folder (arkpack reads conf/ark/ rules itself), and
 * the libraries come from the resolved graph (ResolvedFacts).
 */
package dev.arkpack.gradle;

import java.io.File;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import org.gradle.api.GradleException;
import org.gradle.api.artifacts.Configuration;
import org.gradle.api.file.FileCollection;
import org.gradle.api.tasks.Input;
import org.gradle.api.tasks.InputDirectory;
import org.gradle.api.tasks.InputFile;
import org.gradle.api.tasks.InputFiles;
import org.gradle.api.tasks.Optional;
import org.gradle.api.tasks.OutputFile;
import org.gradle.api.tasks.PathSensitive;
import org.gradle.api.tasks.PathSensitivity;
import org.gradle.api.tasks.TaskAction;

import dev.arkpack.host.Coordinates;
import dev.arkpack.host.GitFacts;
import dev.arkpack.host.Json;
import dev.arkpack.host.Values;

public class ArkBizTask extends AbstractArkpackTask<ArkpackExtension> {
    static final String BIZ_CLASSIFIER = "ark-biz";
    static final String ARK_CLASSIFIER = "ark-executable";
    static final String CONTAINER_GROUP = "com.alipay.sofa";
    static final String CONTAINER_ARTIFACT = "sofa-ark-all";

    private transient String fetchedRules;
    private transient Configuration container;

    public ArkBizTask() {
        super(ArkpackExtension.class, "arkpack", "Makes the ark-biz jar (and the executable ark jar) with arkpack");
        // The remote rules of packExcludesUrl may change at any time: such a build always runs.
        getOutputs().upToDateWhen(t -> ext().getPackExcludesUrl() == null || ext().getPackExcludesUrl().trim().isEmpty());
    }

    @Override
    boolean graphFacts() {
        return true; // parent and dependsOn, for slimming
    }

    @Override
    boolean withProvided() {
        return true; // Maven's repackage resolves compile+runtime, provided included
    }

    // ---- inputs ----

    /** Every option as it goes into the request (a change reruns the task). */
    @Input
    public String getSettings() {
        return Json.write(options(false));
    }

    /** {@code <baseDir>/conf}: packaged under conf/, and its conf/ark/ files hold slimming rules. */
    @InputDirectory
    @Optional
    @PathSensitive(PathSensitivity.RELATIVE)
    public File getConfDir() {
        File conf = confDir();
        return conf.isDirectory() ? conf : null;
    }

    /** The git facts written into the manifest (a new commit reruns the task); none with disableGitInfo. */
    @Input
    @Optional
    public String getGitFacts() {
        if (ext().isDisableGitInfo()) {
            return null;
        }
        Map<String, Object> git = GitFacts.read(Options.file(getProject(), ext().getGitDirectory()),
                GradleHost.log(getLogger()));
        return git == null ? null : Json.write(git);
    }

    /** The SOFAArk container (com.alipay.sofa:sofa-ark-all:arkVersion) of the executable jar; empty when skipped. */
    @InputFiles
    @PathSensitive(PathSensitivity.NAME_ONLY)
    public FileCollection getContainerFiles() {
        return getProject().files((Callable<Object>) () -> ext().isSkipArkExecutable()
                ? Collections.emptyList() : containerConfiguration());
    }

    /** The base's executable jar ({@code arkpack.baseJar}). */
    @InputFile
    @Optional
    @PathSensitive(PathSensitivity.NAME_ONLY)
    public File getBaseJarFile() {
        File f = Options.file(getProject(), ext().getBaseJar());
        return f != null && f.isFile() ? f : null;
    }

    // ---- outputs ----

    @OutputFile
    public File getBizJar() {
        File dir = ext().isKeepArkBizJar() ? outputDirectory() : new File(getTemporaryDir(), "biz");
        return new File(dir, finalName() + "-" + BIZ_CLASSIFIER + ".jar");
    }

    @OutputFile
    @Optional
    public File getExecutableJar() {
        return ext().isSkipArkExecutable() ? null : new File(outputDirectory(), finalName() + "-" + ARK_CLASSIFIER + ".jar");
    }

    @Override
    @OutputFile
    public File getRequestFile() {
        return new File(arkDir(), "arkpack-request.json");
    }

    /** {@code module-slim-results.json}, the official plugin's slimming summary. */
    @OutputFile
    public File getSlimResultsFile() {
        return new File(arkDir(), "module-slim-results.json");
    }

    /** The full slimming report that task {@code arkWhy} reads. */
    @OutputFile
    public File getSlimReportFile() {
        return new File(arkDir(), "arkpack-slim-report.json");
    }

    // ---- the action ----

    @TaskAction
    public void repackage() {
        Map<String, Object> request = newRequest();
        request.putAll(options(true));

        Map<String, Object> buildInfo = new LinkedHashMap<>();
        if (getEffectiveOutputTimestamp() == null) {
            // As the official plugin: build-time is "now"; with a timestamp arkpack derives it from that.
            buildInfo.put("buildTime", GitFacts.formatTime(System.currentTimeMillis()));
        }
        String git = getGitFacts();
        if (git != null) {
            buildInfo.put("git", Json.parse(git));
        }
        if (!buildInfo.isEmpty()) {
            request.put("buildInfo", buildInfo);
        }
        if (!ext().isSkipArkExecutable()) {
            Map<String, Object> executable = new LinkedHashMap<>();
            executable.put("container", Coordinates.library(CONTAINER_GROUP, CONTAINER_ARTIFACT, ext().getArkVersion(),
                    null, "jar", "compile", containerFile()));
            executable.put("arkVersion", ext().getArkVersion());
            executable.put("output", getExecutableJar().getAbsolutePath());
            request.put("executable", executable);
        }

        run("biz", request);
        getLogger().lifecycle("arkpack: wrote {}", getBizJar());
        if (!ext().isSkipArkExecutable()) {
            getLogger().lifecycle("arkpack: wrote {}", getExecutableJar());
        }
    }

    /**
     * The options part of the request, named as docs/request.md names them. With {@code resolve} false it
     * is the task's input (nothing fetched: the address stands for the rules); with true, the rules of
     * packExcludesUrl are fetched and the POMs of baseDependencyParentIdentity are read.
     */
    private Map<String, Object> options(boolean resolve) {
        ArkpackExtension e = ext();
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("confDir", confDir().getAbsolutePath());
        putString(o, "bizName", bizName());
        putString(o, "bizVersion", e.getBizVersion() != null ? e.getBizVersion() : String.valueOf(getProject().getVersion()));
        putString(o, "priority", e.getPriority() == null ? null : e.getPriority().toString());
        putString(o, "mainClass", e.getMainClass() == null ? null : e.getMainClass().trim());
        putString(o, "webContextPath", e.getWebContextPath());
        putList(o, "denyImportPackages", e.getDenyImportPackages());
        putList(o, "denyImportClasses", e.getDenyImportClasses());
        putList(o, "denyImportResources", e.getDenyImportResources());
        putList(o, "injectPluginDependencies", e.getInjectPluginDependencies());
        putList(o, "injectPluginExportPackages", e.getInjectPluginExportPackages());
        putList(o, "requiresUnpack", e.getRequiresUnpack());
        if (e.isDeclaredMode()) {
            o.put("declaredMode", true);
        }
        if (e.isPackageProvided()) {
            o.put("packageProvided", true);
        }
        putString(o, "outputTimestamp", getEffectiveOutputTimestamp());
        o.put("output", getBizJar().getAbsolutePath());

        putList(o, "excludes", e.getExcludes());
        putList(o, "excludeGroupIds", e.getExcludeGroupIds());
        putList(o, "excludeArtifactIds", e.getExcludeArtifactIds());
        putList(o, "includes", e.getIncludes());
        putList(o, "includeGroupIds", e.getIncludeGroupIds());
        putList(o, "includeArtifactIds", e.getIncludeArtifactIds());
        putString(o, "packExcludesConfig", Values.string(e.getPackExcludesConfig()));
        String identity = Values.string(e.getBaseDependencyParentIdentity());
        putString(o, "baseDependencyParentIdentity", identity);
        String url = Values.string(e.getPackExcludesUrl());
        if (url != null) {
            Map<String, Object> rules = new LinkedHashMap<>();
            rules.put("url", url);
            if (resolve) {
                if (fetchedRules == null) {
                    fetchedRules = GradleHost.fetchPackExcludesUrl(url, getLogger());
                }
                rules.put("body", fetchedRules);
            }
            o.put("packExcludesUrl", rules);
        }
        if (identity != null && resolve) {
            o.put("parents", new ParentPoms(getProject()).chain(identity));
        }
        File baseJar = Options.file(getProject(), e.getBaseJar());
        List<String> baseItems = e.getBaseArtifacts();
        if (baseJar != null && !baseItems.isEmpty()) {
            throw new GradleException("arkpack: set either arkpack.baseJar or arkpack.baseArtifacts, not both");
        }
        if (baseJar != null) {
            if (!baseJar.isFile()) {
                throw new GradleException("arkpack: arkpack.baseJar names " + baseJar + ", which is not a file");
            }
            Map<String, Object> base = new LinkedHashMap<>();
            base.put("jar", baseJar.getAbsolutePath());
            o.put("base", base);
        } else if (!baseItems.isEmpty()) {
            Map<String, Object> base = new LinkedHashMap<>();
            base.put("artifacts", resolve ? baseArtifacts(baseItems) : new ArrayList<Object>(baseItems));
            o.put("base", base);
        }
        putString(o, "classChecks", e.getClassChecks() == null ? null : e.getClassChecks().trim());
        o.put("slimResults", getSlimResultsFile().getAbsolutePath());
        o.put("slimReport", getSlimReportFile().getAbsolutePath());
        if (!e.isSkipArkExecutable()) {
            o.put("arkVersion", e.getArkVersion()); // input only; the request carries it under `executable`
        }
        if (resolve) {
            o.remove("arkVersion");
        }
        return o;
    }

    /** {@code base.artifacts}: each {@code g:a:v[:classifier]} item with its file when Gradle can resolve it. */
    private List<Object> baseArtifacts(List<String> items) {
        List<Object> out = new ArrayList<>();
        for (String item : items) {
            String[] p = Coordinates.gav(item);
            if (p == null) {
                out.add(item); // arkpack rejects it and names arkpack.baseArtifacts
                continue;
            }
            Map<String, Object> c = Coordinates.object(p[0], p[1], p[2], Coordinates.classifier(p), null);
            try {
                Configuration one = getProject().getConfigurations().detachedConfiguration(
                        getProject().getDependencies().create(item + "@jar"));
                one.setTransitive(false);
                c.put("file", one.getSingleFile().getAbsolutePath());
            } catch (RuntimeException ex) {
                getLogger().warn("arkpack: arkpack.baseArtifacts item {} cannot be resolved ({}); its classes are not used "
                        + "by the class checks", item, ex.getMessage());
            }
            out.add(c);
        }
        return out;
    }

    private String bizName() {
        String override = System.getProperty("com.alipay.sofa.ark.bizName");
        if (override != null && !override.trim().isEmpty()) {
            return override;
        }
        return ext().getBizName() != null ? ext().getBizName() : getProject().getName();
    }

    private File confDir() {
        return new File(getProject().file(ext().getBaseDir()), "conf");
    }

    private File outputDirectory() {
        return getProject().file(ext().getOutputDirectory());
    }

    private File arkDir() {
        return new File(Options.buildDir(getProject()), "sofa-ark");
    }

    /** The file name stem: {@code arkpack.finalName}, else the jar task's file name without {@code .jar}. */
    private String finalName() {
        if (ext().getFinalName() != null && !ext().getFinalName().trim().isEmpty()) {
            return ext().getFinalName().trim();
        }
        for (File f : getModuleFiles()) {
            if (f.getName().endsWith(".jar")) {
                return f.getName().substring(0, f.getName().length() - 4);
            }
        }
        return getProject().getName();
    }

    private Configuration containerConfiguration() {
        if (container != null) {
            return container;
        }
        Configuration c = getProject().getConfigurations().detachedConfiguration(getProject().getDependencies()
                .create(CONTAINER_GROUP + ":" + CONTAINER_ARTIFACT + ":" + ext().getArkVersion()));
        c.setTransitive(false);
        container = c;
        return c;
    }

    private File containerFile() {
        try {
            return getContainerFiles().getSingleFile();
        } catch (RuntimeException e) {
            throw new GradleException("arkpack: cannot resolve the SOFAArk container " + CONTAINER_GROUP + ":"
                    + CONTAINER_ARTIFACT + ":" + ext().getArkVersion() + " for the executable ark jar (arkpack.arkVersion is "
                    + ext().getArkVersion() + "; set arkpack.skipArkExecutable = true if you do not need it): "
                    + e.getMessage(), e);
        }
    }
}
