/*
 * Shared by both hosts (compiled into arkpack-maven-plugin and arkpack-gradle-plugin from
 * host-maven/src/shared/java): how a user's setting becomes a request value. A list setting takes a list,
 * an array, a single value or a comma-separated string (as the official plugin's set-typed parameters do);
 * each item is split on `,`, trimmed, blanks and repeats dropped (so `<x>a, b</x>` and
 * `<x><x>a</x><x>b</x></x>` are the same). Scalars are passed as written; arkpack validates them.
 */
package dev.arkpack.host;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.List;

public final class Values {
    private Values() {
    }

    /** The items of a list setting (empty when unset). */
    public static List<String> list(Object value) {
        List<String> out = new ArrayList<>();
        if (value == null) {
            return out;
        }
        Collection<?> items = value instanceof Collection ? (Collection<?>) value
                : value instanceof Object[] ? Arrays.asList((Object[]) value) : Collections.singletonList(value);
        for (Object item : items) {
            if (item == null) {
                continue;
            }
            for (String part : item.toString().split(",")) {
                String t = part.trim();
                if (!t.isEmpty() && !out.contains(t)) {
                    out.add(t);
                }
            }
        }
        return out;
    }

    /** A string setting, trimmed: null and blank mean unset (null). */
    public static String string(Object value) {
        if (value == null) {
            return null;
        }
        String s = value.toString().trim();
        return s.isEmpty() ? null : s;
    }
}
