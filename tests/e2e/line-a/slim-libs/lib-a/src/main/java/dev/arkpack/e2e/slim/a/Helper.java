// Over-slimming e2e case (tests/e2e/README.md): see the class comment below.
package dev.arkpack.e2e.slim.a;

import dev.arkpack.e2e.slim.c.Clock;

/** lib-a: the library the module's slimming rule leaves out; it uses lib-c too. */
public final class Helper {
    private Helper() {
    }

    public static String help() {
        return "lib-a+" + Clock.name();
    }
}
