/*
 * The `arkpack { ... }` block: the options of task `arkBiz`, named as the Maven plugin's `repackage`
 * parameters (which are sofa-ark-maven-plugin's), with the same defaults. List options take a list or a
 * comma-separated string. Values are read when the task runs, so they can be set anywhere in the script.
 * attach (default false here) adds the jars to the {@code archives} configuration (classifiers
 * {@code ark-biz}, {@code ark-executable}).
 */
package dev.arkpack.gradle;

import java.util.List;

import org.gradle.api.Project;

import dev.arkpack.host.Values;

public class ArkpackExtension extends AbstractArkpackExtension {
    // the official plugin's parameters (the ones task arkPlugin has too are in AbstractArkpackExtension)
    private Object baseDir;
    private String finalName;
    private String bizName;
    private String bizVersion;
    private String mainClass;
    private Object requiresUnpack;
    private Object includes;
    private Object includeGroupIds;
    private Object includeArtifactIds;
    private Object denyImportPackages;
    private Object denyImportClasses;
    private Object denyImportResources;
    private Object injectPluginDependencies;
    private Object injectPluginExportPackages;
    private boolean packageProvided;
    private boolean skipArkExecutable;
    private boolean keepArkBizJar = true;
    private String webContextPath = "/";
    private boolean declaredMode;
    private boolean disableGitInfo;
    private Object gitDirectory;
    private String packExcludesConfig;
    private String packExcludesUrl;
    private String baseDependencyParentIdentity;

    // arkpack's own
    private String arkVersion = "2.3.0";
    private Object baseJar;
    private Object baseArtifacts;
    private String classChecks = "warn";

    public ArkpackExtension(Project project) {
        super(project, false);
    }

    /** The folder whose {@code conf/} is packaged and read for {@code conf/ark/} rules (default: the project folder). */
    public Object getBaseDir() {
        return baseDir != null ? baseDir : project().getProjectDir();
    }

    public void setBaseDir(Object v) {
        baseDir = v;
    }

    /** The file name stem (default: the {@code jar} task's file name without {@code .jar}). */
    public String getFinalName() {
        return finalName;
    }

    public void setFinalName(String v) {
        finalName = v;
    }

    /** {@code Ark-Biz-Name} (default {@code project.name}; the system property com.alipay.sofa.ark.bizName overrides it). */
    public String getBizName() {
        return bizName;
    }

    public void setBizName(String v) {
        bizName = v;
    }

    /** {@code Ark-Biz-Version} (default {@code project.version}). */
    public String getBizVersion() {
        return bizVersion;
    }

    public void setBizVersion(String v) {
        bizVersion = v;
    }

    public String getMainClass() {
        return mainClass;
    }

    public void setMainClass(String v) {
        mainClass = v;
    }

    /** {@code groupId:artifactId} items whose jars get the {@code UNPACK:} comment. */
    public List<String> getRequiresUnpack() {
        return Values.list(requiresUnpack);
    }

    public void setRequiresUnpack(Object v) {
        requiresUnpack = v;
    }

    public List<String> getIncludes() {
        return Values.list(includes);
    }

    public void setIncludes(Object v) {
        includes = v;
    }

    public List<String> getIncludeGroupIds() {
        return Values.list(includeGroupIds);
    }

    public void setIncludeGroupIds(Object v) {
        includeGroupIds = v;
    }

    public List<String> getIncludeArtifactIds() {
        return Values.list(includeArtifactIds);
    }

    public void setIncludeArtifactIds(Object v) {
        includeArtifactIds = v;
    }

    public List<String> getDenyImportPackages() {
        return Values.list(denyImportPackages);
    }

    public void setDenyImportPackages(Object v) {
        denyImportPackages = v;
    }

    public List<String> getDenyImportClasses() {
        return Values.list(denyImportClasses);
    }

    public void setDenyImportClasses(Object v) {
        denyImportClasses = v;
    }

    public List<String> getDenyImportResources() {
        return Values.list(denyImportResources);
    }

    public void setDenyImportResources(Object v) {
        denyImportResources = v;
    }

    /** {@code artifactId:version} items: those libraries go to {@code lib/export/}. */
    public List<String> getInjectPluginDependencies() {
        return Values.list(injectPluginDependencies);
    }

    public void setInjectPluginDependencies(Object v) {
        injectPluginDependencies = v;
    }

    public List<String> getInjectPluginExportPackages() {
        return Values.list(injectPluginExportPackages);
    }

    public void setInjectPluginExportPackages(Object v) {
        injectPluginExportPackages = v;
    }

    /** Package {@code provided} (compileOnly) libraries too. */
    public boolean isPackageProvided() {
        return packageProvided;
    }

    public void setPackageProvided(boolean v) {
        packageProvided = v;
    }

    public boolean isSkipArkExecutable() {
        return skipArkExecutable;
    }

    public void setSkipArkExecutable(boolean v) {
        skipArkExecutable = v;
    }

    /** false: the biz jar goes to {@code build/tmp/arkBiz/} instead of the output directory, and is not attached. */
    public boolean isKeepArkBizJar() {
        return keepArkBizJar;
    }

    public void setKeepArkBizJar(boolean v) {
        keepArkBizJar = v;
    }

    public String getWebContextPath() {
        return webContextPath;
    }

    public void setWebContextPath(String v) {
        webContextPath = v;
    }

    public boolean isDeclaredMode() {
        return declaredMode;
    }

    public void setDeclaredMode(boolean v) {
        declaredMode = v;
    }

    public boolean isDisableGitInfo() {
        return disableGitInfo;
    }

    public void setDisableGitInfo(boolean v) {
        disableGitInfo = v;
    }

    /** The {@code .git} folder (default: the root project's {@code .git}; missing means no git attributes). */
    public Object getGitDirectory() {
        return gitDirectory != null ? gitDirectory : new java.io.File(project().getRootDir(), ".git");
    }

    public void setGitDirectory(Object v) {
        gitDirectory = v;
    }

    /** The rules file under {@code conf/ark/} (default {@code rules.txt}); read by arkpack. */
    public String getPackExcludesConfig() {
        return packExcludesConfig;
    }

    public void setPackExcludesConfig(String v) {
        packExcludesConfig = v;
    }

    /** An address answering the slimming rules as JSON; the task fetches it, arkpack applies it. */
    public String getPackExcludesUrl() {
        return packExcludesUrl;
    }

    public void setPackExcludesUrl(String v) {
        packExcludesUrl = v;
    }

    /** {@code groupId:artifactId:version} of a POM (the base's parent or starter) whose managed libraries stay in the base. */
    public String getBaseDependencyParentIdentity() {
        return baseDependencyParentIdentity;
    }

    public void setBaseDependencyParentIdentity(String v) {
        baseDependencyParentIdentity = v;
    }

    /** The com.alipay.sofa:sofa-ark-all version used as the executable jar's container. */
    public String getArkVersion() {
        return arkVersion;
    }

    public void setArkVersion(String v) {
        arkVersion = v;
    }

    /** The base's executable jar: its libraries stay in the base, its classes feed the class checks. */
    public Object getBaseJar() {
        return baseJar;
    }

    public void setBaseJar(Object v) {
        baseJar = v;
    }

    /** The base's libraries as {@code groupId:artifactId:version[:classifier]} items (instead of baseJar). */
    public List<String> getBaseArtifacts() {
        return Values.list(baseArtifacts);
    }

    public void setBaseArtifacts(Object v) {
        baseArtifacts = v;
    }

    /** The bytecode checks after slimming: {@code warn}, {@code fail} or {@code off}. */
    public String getClassChecks() {
        return classChecks;
    }

    public void setClassChecks(String v) {
        classChecks = v;
    }

}
