/*
 * Shared by both hosts (compiled into arkpack-maven-plugin and arkpack-gradle-plugin from
 * host-maven/src/shared/java): `${name}` in POM values (the managed entries of parent POMs and imported
 * BOMs), replaced from a host's lookup and repeated until nothing changes (at most 10 rounds). A name the
 * lookup does not know stays as written.
 */
package dev.arkpack.host;

import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

public final class Placeholders {
    private static final Pattern EXPR = Pattern.compile("\\$\\{([^}]+)\\}");

    private Placeholders() {
    }

    /** {@code value} with each {@code ${name}} replaced by {@code lookup.apply(name)} when that is not null. */
    public static String interpolate(String value, Function<String, String> lookup) {
        if (value == null || !value.contains("${")) {
            return value;
        }
        String current = value;
        for (int round = 0; round < 10 && current.contains("${"); round++) {
            Matcher m = EXPR.matcher(current);
            StringBuffer sb = new StringBuffer();
            boolean changed = false;
            while (m.find()) {
                String v = lookup.apply(m.group(1));
                if (v != null) {
                    changed = true;
                }
                m.appendReplacement(sb, Matcher.quoteReplacement(v != null ? v : m.group()));
            }
            m.appendTail(sb);
            current = sb.toString();
            if (!changed) {
                break;
            }
        }
        return current;
    }
}
