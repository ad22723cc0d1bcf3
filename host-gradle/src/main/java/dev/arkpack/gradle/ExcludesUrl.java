/*
 * Fetches `arkpack.packExcludesUrl` for the request: an HTTP GET whose body arkpack reads as the remote
 * slimming rules (the core never touches the network). As in the Maven host, any failure (no answer, a
 * status other than 2xx) fails the build: rules meant to apply must not silently vanish.
 */
package dev.arkpack.gradle;

import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.URL;
import java.net.URLConnection;
import java.nio.charset.StandardCharsets;

import org.gradle.api.GradleException;
import org.gradle.api.logging.Logger;

final class ExcludesUrl {
    static final int TIMEOUT_MS = 10_000;

    private ExcludesUrl() {
    }

    static String fetch(String url, Logger log) {
        try {
            URLConnection c = new URL(url).openConnection();
            c.setConnectTimeout(TIMEOUT_MS);
            c.setReadTimeout(TIMEOUT_MS);
            c.setUseCaches(false);
            c.setRequestProperty("Accept", "application/json");
            if (c instanceof HttpURLConnection) {
                HttpURLConnection h = (HttpURLConnection) c;
                int status = h.getResponseCode();
                if (status < 200 || status > 299) {
                    h.disconnect();
                    throw failure(url, "the server answered HTTP " + status);
                }
            }
            String body;
            try (InputStream in = c.getInputStream()) {
                body = new String(ArkpackBinary.readAll(in), StandardCharsets.UTF_8);
            }
            log.lifecycle("arkpack: read the slimming rules of arkpack.packExcludesUrl {} ({} characters)", url, body.length());
            return body;
        } catch (IOException | IllegalArgumentException e) {
            throw failure(url, e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }

    private static GradleException failure(String url, String cause) {
        return new GradleException("arkpack: cannot read arkpack.packExcludesUrl " + url + ": " + cause
                + " (the slimming rules it names would be missing, so the build stops; fix the address or remove "
                + "arkpack.packExcludesUrl)");
    }
}
