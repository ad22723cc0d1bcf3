// Gradle settings of the arkpack IntelliJ plugin (a standalone build; it packs ../web/dist).
rootProject.name = "arkpack-intellij"
