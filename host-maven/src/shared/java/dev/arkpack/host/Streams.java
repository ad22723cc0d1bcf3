/*
 * Shared by both hosts (compiled into arkpack-maven-plugin and arkpack-gradle-plugin from
 * host-maven/src/shared/java): reading a whole stream (a process's output, a resource, an HTTP body).
 */
package dev.arkpack.host;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

public final class Streams {
    private Streams() {
    }

    /** Every byte up to the end of {@code in} (not closed). */
    public static byte[] readAll(InputStream in) throws IOException {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        byte[] b = new byte[8192];
        int n;
        while ((n = in.read(b)) > 0) {
            buf.write(b, 0, n);
        }
        return buf.toByteArray();
    }

    /** Every byte up to the end of {@code in} (not closed), as UTF-8 text. */
    public static String text(InputStream in) throws IOException {
        return new String(readAll(in), StandardCharsets.UTF_8);
    }
}
