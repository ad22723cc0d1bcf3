/*
 * Shared by both hosts (compiled into arkpack-maven-plugin and arkpack-gradle-plugin from
 * host-maven/src/shared/java): fetches the packExcludesUrl setting for the request, an HTTP GET whose body
 * arkpack reads as the remote slimming rules. The core never touches the network, so the host fetches.
 * Unlike the official plugin, which only logs a failed fetch and packages without those rules, any failure
 * (no answer, a status other than 2xx) fails the build: rules that were meant to apply must not silently
 * vanish.
 */
package dev.arkpack.host;

import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.URL;
import java.net.URLConnection;

public final class ExcludesUrl {
    public static final int TIMEOUT_MS = 10_000;

    private ExcludesUrl() {
    }

    /**
     * The body at {@code url} as text (UTF-8). {@code optionName} is how messages name the setting
     * ({@code <packExcludesUrl>}, {@code arkpack.packExcludesUrl}).
     */
    public static String fetch(String url, String optionName, HostLog log) throws HostException {
        try {
            URLConnection c = new URL(url).openConnection();
            c.setConnectTimeout(TIMEOUT_MS);
            c.setReadTimeout(TIMEOUT_MS);
            c.setUseCaches(false);
            c.setRequestProperty("Accept", "application/json");
            if (c instanceof HttpURLConnection) {
                HttpURLConnection h = (HttpURLConnection) c;
                h.setRequestMethod("GET");
                int status = h.getResponseCode();
                if (status < 200 || status > 299) {
                    h.disconnect();
                    throw failure(url, optionName, "the server answered HTTP " + status
                            + (h.getResponseMessage() == null ? "" : " " + h.getResponseMessage()));
                }
            }
            String body;
            try (InputStream in = c.getInputStream()) {
                body = Streams.text(in);
            }
            log.info("arkpack: read the slimming rules of " + optionName + " " + url + " (" + body.length() + " characters)");
            return body;
        } catch (IOException | IllegalArgumentException e) {
            throw failure(url, optionName, e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }

    private static HostException failure(String url, String optionName, String cause) {
        return new HostException("arkpack: cannot read " + optionName + " " + url + ": " + cause
                + " (the slimming rules it names would be missing, so the build stops; fix the address or remove "
                + optionName + ")");
    }
}
