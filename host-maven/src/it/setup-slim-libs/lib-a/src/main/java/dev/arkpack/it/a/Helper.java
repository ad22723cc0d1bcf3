// Fixture lib-a: depends on lib-c (the library a slimming rule leaves to the base).
package dev.arkpack.it.a;

import dev.arkpack.it.c.Clock;

public final class Helper {
    private Helper() {
    }

    public static String help() {
        return "lib-a+" + Clock.now();
    }
}
