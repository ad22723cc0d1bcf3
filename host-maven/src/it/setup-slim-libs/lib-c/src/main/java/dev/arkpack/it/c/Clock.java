// Fixture lib-c: used by both lib-a and lib-b.
package dev.arkpack.it.c;

public final class Clock {
    private Clock() {
    }

    public static String now() {
        return "lib-c";
    }
}
