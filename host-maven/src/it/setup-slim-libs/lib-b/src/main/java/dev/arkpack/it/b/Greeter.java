// Fixture lib-b: depends on lib-c (kept in the biz jar, so lib-c must stay too).
package dev.arkpack.it.b;

import dev.arkpack.it.c.Clock;

public final class Greeter {
    private Greeter() {
    }

    public static String greet() {
        return "lib-b+" + Clock.now();
    }
}
