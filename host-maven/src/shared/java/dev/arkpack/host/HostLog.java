/*
 * Shared by both hosts (compiled into arkpack-maven-plugin and arkpack-gradle-plugin from
 * host-maven/src/shared/java): where the shared code logs. Each host builds one from its own logger
 * (Maven's Log, Gradle's Logger) and so decides what each level means there.
 */
package dev.arkpack.host;

import java.util.function.Consumer;

public final class HostLog {
    private final Consumer<String> debug;
    private final Consumer<String> info;
    private final Consumer<String> warn;
    private final Consumer<String> error;

    public HostLog(Consumer<String> debug, Consumer<String> info, Consumer<String> warn, Consumer<String> error) {
        this.debug = debug;
        this.info = info;
        this.warn = warn;
        this.error = error;
    }

    public void debug(String message) {
        debug.accept(message);
    }

    public void info(String message) {
        info.accept(message);
    }

    public void warn(String message) {
        warn.accept(message);
    }

    public void error(String message) {
        error.accept(message);
    }
}
