/*
 * arkpack-maven-plugin: the Maven host of arkpack.
 *
 * Goal `repackage` is a drop-in for com.alipay.sofa:sofa-ark-maven-plugin's goal of the same name: the
 * same parameter names, types (set-typed ones also take comma-separated strings), defaults and user
 * properties. It holds no packaging logic: it collects the resolved project into an arkpack request
 * (docs/request.md), runs the native `arkpack` command on it, renders the diagnostics through Maven's
 * log and attaches what arkpack wrote. Everything about the jar's content is decided by the core,
 * slimming included: the plugin passes the slimming settings verbatim with the facts they need (the full
 * dependency graph, the ancestor POMs and imported BOMs, the fetched packExcludesUrl body).
 */
package dev.arkpack.maven;

import java.io.File;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.apache.maven.artifact.Artifact;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Component;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;
import org.apache.maven.project.MavenProject;
import org.apache.maven.project.ProjectBuilder;
import org.eclipse.aether.RepositorySystem;
import org.eclipse.aether.RepositorySystemSession;
import org.eclipse.aether.artifact.DefaultArtifact;
import org.eclipse.aether.repository.RemoteRepository;
import org.eclipse.aether.resolution.ArtifactRequest;
import org.eclipse.aether.resolution.ArtifactResolutionException;
import org.eclipse.aether.resolution.ArtifactResult;

import com.google.gson.JsonObject;

import dev.arkpack.host.Coordinates;
import dev.arkpack.host.GitFacts;
import dev.arkpack.host.Values;

/** Makes the ark-biz jar (and the executable ark jar) of a module with arkpack. */
@Mojo(name = "repackage", defaultPhase = LifecyclePhase.PACKAGE, requiresProject = true, threadSafe = true,
        requiresDependencyResolution = ResolutionScope.COMPILE_PLUS_RUNTIME,
        requiresDependencyCollection = ResolutionScope.COMPILE_PLUS_RUNTIME)
public class RepackageMojo extends AbstractArkpackMojo {

    static final String BIZ_CLASSIFIER = "ark-biz";
    static final String ARK_CLASSIFIER = "ark-executable";

    @Parameter(defaultValue = "${session}", readonly = true, required = true)
    private MavenSession session;

    @Parameter(defaultValue = "${repositorySystemSession}", readonly = true)
    private RepositorySystemSession repoSession;

    @Parameter(defaultValue = "${project.remoteProjectRepositories}", readonly = true)
    private List<RemoteRepository> projectRepos;

    @Component
    private RepositorySystem repositorySystem;

    // ---- the official plugin's parameters (names, types, defaults and properties as in 2.3.x) ----

    /** Where both jars go. */
    @Parameter(defaultValue = "${project.build.directory}", required = true)
    private File outputDirectory;

    /** The root of `conf/` (every file under `${baseDir}/conf/` is packaged). */
    @Parameter(defaultValue = "${project.basedir}", required = true)
    private File baseDir;

    /** The file name stem: `${finalName}-ark-biz.jar`, `${finalName}-ark-executable.jar`. */
    @Parameter(defaultValue = "${project.build.finalName}", required = true)
    private String finalName;

    /** Skip the goal (also `-Darkpack.skip=true`). */
    @Parameter(property = "sofa.ark.repackage.skip", defaultValue = "false")
    private boolean skip;

    /** Skip the goal; arkpack's own property. */
    @Parameter(property = "arkpack.skip", defaultValue = "false")
    private boolean arkpackSkip;

    /** `Ark-Biz-Name`; the system property `com.alipay.sofa.ark.bizName` overrides it, as in the official plugin. */
    @Parameter(defaultValue = "${project.artifactId}")
    private String bizName;

    /** `Ark-Biz-Version`. */
    @Parameter(defaultValue = "${project.version}")
    private String bizVersion;

    /**
     * `priority` (lower starts earlier). Declared as a String (the official one is an Integer) so that a
     * bad value reaches arkpack's validation and fails with a message naming {@code <priority>}.
     */
    @Parameter(property = "sofa.ark.biz.priority", defaultValue = "100")
    private String priority;

    /** Attach the jars (classifiers `ark-biz`, `ark-executable`) so they are installed and deployed. */
    @Parameter(defaultValue = "false")
    private boolean attach;

    /** The start class; else the module manifest's Main-Class, else found in the bytecode (by arkpack). */
    @Parameter
    private String mainClass;

    /** Libraries whose entries get the `UNPACK:<sha1>` comment: `<dependency><groupId/><artifactId/></dependency>`. */
    @Parameter
    private List<Dependency> requiresUnpack;

    /** Slimming: `groupId:artifactId[:version[:classifier]]` items left to the base (with their dependencies). */
    @Parameter
    private List<String> excludes;
    /** Slimming: groupIds left to the base; exact, or a prefix when ending with `*` or `.*`. */
    @Parameter
    private List<String> excludeGroupIds;
    /** Slimming: artifactIds left to the base; exact, or a prefix when ending with `*` or `.*`. */
    @Parameter
    private List<String> excludeArtifactIds;
    /** Slimming: `groupId:artifactId[:version[:classifier]]` items always packaged (also `provided` ones). */
    @Parameter
    private List<String> includes;
    /** Slimming: groupIds always packaged. */
    @Parameter
    private List<String> includeGroupIds;
    /** Slimming: artifactIds always packaged. */
    @Parameter
    private List<String> includeArtifactIds;

    /** `deny-import-packages`. */
    @Parameter
    private List<String> denyImportPackages;
    /** `deny-import-classes`. */
    @Parameter
    private List<String> denyImportClasses;
    /** `deny-import-resources`. */
    @Parameter
    private List<String> denyImportResources;

    /** `artifactId:version` items: those libraries go to `lib/export/`. */
    @Parameter
    private List<String> injectPluginDependencies;
    /** `inject-export-packages`. */
    @Parameter
    private List<String> injectPluginExportPackages;

    /** Package `provided` libraries too. */
    @Parameter(defaultValue = "false")
    private boolean packageProvided;

    /** Do not make the executable ark jar. */
    @Parameter(defaultValue = "false")
    private boolean skipArkExecutable;

    /** Keep the biz jar after the build (false: deleted when Maven exits, as the official plugin does). */
    @Parameter(defaultValue = "true")
    private boolean keepArkBizJar;

    /** `web-context-path`. */
    @Parameter(defaultValue = "/", required = true)
    private String webContextPath;

    /** Write `declared-libraries`. */
    @Parameter(defaultValue = "false")
    private boolean declaredMode;

    /** No git attributes in the manifest. */
    @Parameter(defaultValue = "false")
    private boolean disableGitInfo;

    /** The `.git` directory to read (default: the top-level project's `.git`; none there means no git attributes). */
    @Parameter
    private File gitDirectory;

    /** Slimming: the rules file under `${baseDir}/conf/ark/` (default `rules.txt`); read by arkpack. */
    @Parameter
    private String packExcludesConfig;
    /** Slimming: an HTTP(S) address answering the rules as JSON; fetched by the plugin, applied by arkpack. */
    @Parameter
    private String packExcludesUrl;
    /** Slimming: `groupId:artifactId[:version]` of the ancestor POM (the base's starter) whose managed libraries stay in the base. */
    @Parameter
    private String baseDependencyParentIdentity;

    // ---- arkpack's own parameters ----

    /**
     * The version of com.alipay.sofa:sofa-ark-all used as the container of the executable ark jar. The
     * official plugin uses its own version; 2.3.0 is the newest 2.x sofa-ark-all on Maven Central.
     */
    @Parameter(property = "arkpack.arkVersion", defaultValue = "2.3.0")
    private String arkVersion;

    /** The base's executable jar: its libraries stay in the base, and its classes feed the class checks. */
    @Parameter(property = "arkpack.baseJar")
    private File baseJar;

    /** The base's libraries as `groupId:artifactId:version[:classifier]` items (instead of {@code <baseJar>}). */
    @Parameter
    private List<String> baseArtifacts;

    /** The bytecode checks after slimming: `warn` (default), `fail` or `off`. */
    @Parameter(property = "arkpack.classChecks", defaultValue = "warn")
    private String classChecks;

    @Component
    private ProjectBuilder projectBuilder;

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        String packaging = project.getPackaging();
        if ("war".equals(packaging) || "pom".equals(packaging)) {
            getLog().debug("arkpack: packaging " + packaging + " is not repackaged");
            return;
        }
        if (skip || arkpackSkip) {
            getLog().info("arkpack: skipped");
            return;
        }
        Artifact main = project.getArtifact();
        File moduleJar = moduleJar(main, "repackage");

        File arkDir = new File(outputDirectory, "sofa-ark");
        File requestFile = new File(arkDir, "arkpack-request.json");
        File bizJar = new File(outputDirectory, finalName + "-" + BIZ_CLASSIFIER + ".jar");
        File executableJar = new File(outputDirectory, finalName + "-" + ARK_CLASSIFIER + ".jar");

        RequestBuilder request = new RequestBuilder()
                .project(main.getGroupId(), main.getArtifactId(), main.getBaseVersion())
                .moduleJar(moduleJar)
                .confDir(new File(baseDir, "conf"))
                .bizName(effectiveBizName())
                .bizVersion(bizVersion)
                .priority(priority)
                .mainClass(mainClass)
                .webContextPath(webContextPath)
                .list("denyImportPackages", Values.list(denyImportPackages))
                .list("denyImportClasses", Values.list(denyImportClasses))
                .list("denyImportResources", Values.list(denyImportResources))
                .list("injectPluginDependencies", Values.list(injectPluginDependencies))
                .list("injectPluginExportPackages", Values.list(injectPluginExportPackages))
                .list("requiresUnpack", Dependency.coordinates(requiresUnpack))
                .flag("declaredMode", declaredMode)
                .flag("packageProvided", packageProvided)
                .outputTimestamp(outputTimestamp)
                .output(bizJar);
        // The full graph decides only what an exclusion takes along; collecting it is a second resolver
        // pass, so it is skipped when nothing can exclude a library.
        DependencyGraph graph = canExclude()
                ? DependencyGraph.collect(project, project.getArtifacts(), repositorySystem, repoSession, getLog())
                : null;
        addLibraries(request, project.getArtifacts(), graph);
        addSlimming(request);
        JsonObject buildInfo = new JsonObject();
        if (!hasOutputTimestamp()) {
            // The official plugin always writes build-time ("now"); with project.build.outputTimestamp
            // arkpack derives it from that instead, so the jar is reproducible.
            buildInfo.addProperty("buildTime", GitFacts.formatTime(System.currentTimeMillis()));
        }
        if (!disableGitInfo) {
            Map<String, Object> git = GitFacts.read(gitDir(), MavenHost.log(getLog()));
            if (git != null) {
                buildInfo.add("git", RequestBuilder.json(git));
            }
        }
        if (buildInfo.size() > 0) {
            request.buildInfo(buildInfo);
        }
        if (!skipArkExecutable) {
            File container = resolveContainer();
            request.executable("com.alipay.sofa", "sofa-ark-all", arkVersion, container, executableJar);
        }

        runArkpack("biz", request, requestFile);

        getLog().info("arkpack: wrote " + bizJar);
        if (!skipArkExecutable) {
            getLog().info("arkpack: wrote " + executableJar);
        }
        if (attach) {
            if (!skipArkExecutable) {
                projectHelper.attachArtifact(project, packaging, ARK_CLASSIFIER, executableJar);
            }
            if (keepArkBizJar) {
                projectHelper.attachArtifact(project, packaging, BIZ_CLASSIFIER, bizJar);
            }
        }
        if (!keepArkBizJar) {
            bizJar.deleteOnExit();
        }
    }

    /** The project's plain jar (from maven-jar-plugin); shared by the goals repackage and ark-plugin. */
    static File moduleJar(Artifact main, String goal) throws MojoFailureException {
        File moduleJar = main.getFile();
        if (moduleJar == null || !moduleJar.isFile()) {
            throw new MojoFailureException("arkpack: the module's jar is missing (project.getArtifact().getFile() is "
                    + (moduleJar == null ? "not set" : moduleJar) + "). Bind goal `" + goal + "` to the `package` phase after "
                    + "maven-jar-plugin's `jar` goal (the default), and run at least `mvn package`.");
        }
        return moduleJar;
    }

    /** Every resolved artifact as a request library; shared by the goals repackage and ark-plugin. */
    static void addLibraries(RequestBuilder request, Iterable<Artifact> artifacts)
            throws MojoExecutionException, MojoFailureException {
        addLibraries(request, artifacts, null);
    }

    /**
     * True when a slimming setting could remove a library: a parameter, or a conf/ark file the core
     * reads rules from (which rules it holds is the core's business, not this check's).
     */
    private boolean canExclude() {
        boolean parameters = !Values.list(excludes).isEmpty() || !Values.list(excludeGroupIds).isEmpty()
                || !Values.list(excludeArtifactIds).isEmpty() || !Values.list(baseArtifacts).isEmpty()
                || notBlank(packExcludesUrl) || notBlank(baseDependencyParentIdentity) || baseJar != null;
        File confArk = new File(baseDir, "conf/ark");
        String rules = notBlank(packExcludesConfig) ? packExcludesConfig : "rules.txt";
        return parameters || new File(confArk, rules).isFile() || new File(confArk, "bootstrap.properties").isFile()
                || new File(confArk, "bootstrap.yml").isFile();
    }

    private static boolean notBlank(String s) {
        return s != null && !s.trim().isEmpty();
    }

    /** As above, each library with its graph facts ({@code parent}, {@code dependsOn}) when {@code graph} is given. */
    static void addLibraries(RequestBuilder request, Iterable<Artifact> artifacts, DependencyGraph graph)
            throws MojoExecutionException, MojoFailureException {
        for (Artifact a : artifacts) {
            File f = a.getFile();
            if (f == null) {
                throw new MojoExecutionException("arkpack: dependency " + a + " has no file; was it resolved?");
            }
            if (f.isDirectory()) {
                throw new MojoFailureException("arkpack: dependency " + a + " resolved to the directory " + f
                        + " (a reactor module that was not packaged); build the reactor to at least `package`");
            }
            JsonObject lib = request.library(a.getGroupId(), a.getArtifactId(), a.getBaseVersion(), a.getClassifier(),
                    a.getArtifactHandler().getExtension(), a.getScope(), f);
            if (graph != null) {
                graph.describe(a, lib);
            }
        }
    }

    /** The slimming settings, verbatim, and the facts arkpack needs to apply them (docs/request.md, last section). */
    private void addSlimming(RequestBuilder request) throws MojoExecutionException, MojoFailureException {
        request.list("excludes", Values.list(excludes))
                .list("excludeGroupIds", Values.list(excludeGroupIds))
                .list("excludeArtifactIds", Values.list(excludeArtifactIds))
                .list("includes", Values.list(includes))
                .list("includeGroupIds", Values.list(includeGroupIds))
                .list("includeArtifactIds", Values.list(includeArtifactIds))
                .put("packExcludesConfig", Values.string(packExcludesConfig))
                .put("baseDependencyParentIdentity", Values.string(baseDependencyParentIdentity));
        String url = Values.string(packExcludesUrl);
        if (url != null) {
            request.packExcludesUrl(url, MavenHost.fetchPackExcludesUrl(url, getLog()));
        }
        ModelFacts models = new ModelFacts(session, repoSession, projectBuilder, getLog());
        request.parents(models.parents(project));
        request.importedBoms(models.importedBoms(project));

        List<String> baseItems = Values.list(baseArtifacts);
        if (baseJar != null && !baseItems.isEmpty()) {
            throw new MojoFailureException("arkpack: set either <baseJar> or <baseArtifacts>, not both");
        }
        if (baseJar != null) {
            if (!baseJar.isFile()) {
                throw new MojoFailureException("arkpack: <baseJar> names " + baseJar + ", which is not a file");
            }
            request.baseJar(baseJar);
        } else if (!baseItems.isEmpty()) {
            for (String item : baseItems) {
                String[] p = Coordinates.gav(item);
                if (p == null || !Coordinates.complete(p)) {
                    throw new MojoFailureException("arkpack: <baseArtifacts> item \"" + item
                            + "\" is not groupId:artifactId:version[:classifier]");
                }
            }
            request.baseArtifacts(baseItems, this::resolveBaseArtifact);
        }
        String checks = classChecks == null ? "warn" : classChecks.trim();
        if (!Arrays.asList("warn", "fail", "off").contains(checks)) {
            throw new MojoFailureException("arkpack: <classChecks> is \"" + classChecks + "\"; write warn, fail or off");
        }
        request.put("classChecks", checks);
        request.put("slimResults", new File(slimReport(project).getParentFile(), "module-slim-results.json").getAbsolutePath());
        request.put("slimReport", slimReport(project).getAbsolutePath());
    }

    /** Where arkpack writes the slimming report that goal `why` reads (module-slim-results.json goes next to it). */
    static File slimReport(MavenProject project) {
        return new File(new File(project.getBuild().getDirectory(), "sofa-ark"), "arkpack-slim-report.json");
    }

    /** The file of a {@code <baseArtifacts>} item, or null when Maven cannot resolve it (arkpack then has only its coordinates). */
    private File resolveBaseArtifact(String item) {
        String[] p = Coordinates.gav(item);
        String classifier = Coordinates.classifier(p);
        DefaultArtifact wanted = new DefaultArtifact(p[0], p[1], classifier == null ? "" : classifier, "jar", p[2]);
        try {
            return repositorySystem.resolveArtifact(repoSession, new ArtifactRequest(wanted, projectRepos, null))
                    .getArtifact().getFile();
        } catch (ArtifactResolutionException | RuntimeException e) {
            getLog().warn("arkpack: <baseArtifacts> item " + item + " cannot be resolved (" + e.getMessage()
                    + "); its classes are not used by the class checks");
            return null;
        }
    }

    private String effectiveBizName() {
        String override = System.getProperty("com.alipay.sofa.ark.bizName");
        return override != null && !override.trim().isEmpty() ? override : bizName;
    }

    private boolean hasOutputTimestamp() {
        // maven-archiver's convention: a value shorter than 2 characters means "not set".
        return outputTimestamp != null && outputTimestamp.trim().length() > 1;
    }

    private File gitDir() {
        if (gitDirectory != null && gitDirectory.exists()) {
            return gitDirectory;
        }
        MavenProject top = session.getTopLevelProject() != null ? session.getTopLevelProject() : project;
        File root = top.getBasedir() != null ? top.getBasedir() : project.getBasedir();
        return new File(root, ".git");
    }

    private File resolveContainer() throws MojoExecutionException {
        DefaultArtifact wanted = new DefaultArtifact("com.alipay.sofa", "sofa-ark-all", "jar", arkVersion);
        try {
            ArtifactResult r = repositorySystem.resolveArtifact(repoSession, new ArtifactRequest(wanted, projectRepos, null));
            return r.getArtifact().getFile();
        } catch (ArtifactResolutionException e) {
            throw new MojoExecutionException("arkpack: cannot resolve the SOFAArk container " + wanted
                    + " for the executable ark jar (<arkVersion> is " + arkVersion
                    + "; set <skipArkExecutable>true</skipArkExecutable> if you do not need it): " + e.getMessage(), e);
        }
    }
}
