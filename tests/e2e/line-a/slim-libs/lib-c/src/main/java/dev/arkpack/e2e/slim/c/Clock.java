// Over-slimming e2e case (tests/e2e/README.md): see the class comment below.
package dev.arkpack.e2e.slim.c;

/** lib-c: needed by both lib-a and lib-b. */
public final class Clock {
    private Clock() {
    }

    public static String name() {
        return "lib-c";
    }
}
