// Over-slimming e2e case (tests/e2e/README.md): see the class comment below.
package dev.arkpack.e2e.slim.b;

import dev.arkpack.e2e.slim.c.Clock;

/** lib-b: kept in the biz; the module calls it at startup, and it needs lib-c. */
public final class Greeter {
    private Greeter() {
    }

    public static String greet() {
        return "lib-b+" + Clock.name();
    }
}
