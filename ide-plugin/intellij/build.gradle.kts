// Build of the arkpack IntelliJ plugin: Java 17 sources, the IntelliJ Platform Gradle Plugin 2.x, and
// the web view from ../web (built with npm, packed under /arkpack-view/ in the plugin jar).
// It cannot be built on the project's machines (no Gradle Plugin Portal, no JetBrains repositories);
// see ../README.md for what was checked there instead.
plugins {
    id("java")
    id("org.jetbrains.intellij.platform") version "2.20.1"
}

group = "dev.arkpack"
version = providers.gradleProperty("pluginVersion").get()

repositories {
    mavenCentral()
    intellijPlatform {
        defaultRepositories()
    }
}

dependencies {
    intellijPlatform {
        intellijIdea(providers.gradleProperty("platformVersion"))
    }
    testImplementation("org.junit.jupiter:junit-jupiter:5.9.2")
    testRuntimeOnly("org.junit.platform:junit-platform-launcher")
}

java {
    toolchain {
        languageVersion = JavaLanguageVersion.of(17)
    }
}

intellijPlatform {
    pluginConfiguration {
        version = providers.gradleProperty("pluginVersion")
        ideaVersion {
            sinceBuild = providers.gradleProperty("sinceBuild")
        }
    }
}

val webDir = layout.projectDirectory.dir("../web")

// npm ci + npm run build in ../web: dist/ is what the plugin serves through `arkpack split serve --static`.
val buildWebView by tasks.registering(Exec::class) {
    workingDir = webDir.asFile
    commandLine("sh", "-c", "npm ci && npm run build")
    inputs.dir(webDir.dir("src"))
    inputs.file(webDir.file("package-lock.json"))
    outputs.dir(webDir.dir("dist"))
}

tasks.processResources {
    dependsOn(buildWebView)
    from(webDir.dir("dist")) {
        into("arkpack-view")
    }
}

tasks.test {
    useJUnitPlatform()
}
