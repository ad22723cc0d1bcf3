// Tests of the `arkpack split serve` process wrapper: port parsing, start, failure reports and stop,
// against stand-in processes (sh), and against the real arkpack when ARKPACK_BIN is set.
package dev.arkpack.intellij.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.OptionalInt;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SplitServerTest {

    @TempDir
    Path dir;

    @Test
    void parsesThePortFromTheListeningLine() {
        assertEquals(OptionalInt.of(7878), SplitServer.parsePort("arkpack split serve: listening on http://127.0.0.1:7878/"));
        assertEquals(OptionalInt.of(40123), SplitServer.parsePort("serving on port 40123"));
        assertEquals(OptionalInt.empty(), SplitServer.parsePort("loading analysis.json (20000 classes)"));
        assertEquals(OptionalInt.empty(), SplitServer.parsePort("http://127.0.0.1:0"));
    }

    @Test
    void startsStopsAndKeepsTheOutput() throws Exception {
        SplitServer server = SplitServer.start(List.of("sh", "-c",
                "echo loading; echo 'listening on http://127.0.0.1:43210'; exec sleep 30"), Duration.ofSeconds(10));
        try {
            assertEquals(43210, server.port());
            assertEquals("http://127.0.0.1:43210/", server.url());
            assertTrue(server.isAlive());
            assertTrue(server.output().contains("loading"));
        } finally {
            server.close();
        }
        assertFalse(server.isAlive());
    }

    @Test
    void reportsAServerThatEndsWithoutAPort() {
        IOException e = assertThrows(IOException.class, () -> SplitServer.start(
                List.of("sh", "-c", "echo 'error: analysis.json: no such file'; exit 2"), Duration.ofSeconds(10)));
        assertTrue(e.getMessage().contains("no such file"), e.getMessage());
    }

    @Test
    void givesUpOnASilentServer() {
        IOException e = assertThrows(IOException.class, () -> SplitServer.start(
                List.of("sh", "-c", "exec sleep 30"), Duration.ofMillis(500)));
        assertTrue(e.getMessage().contains("no port printed"), e.getMessage());
    }

    @Test
    void processResultKeepsExitCodeAndOutput() throws Exception {
        ProcessResult r = ProcessResult.run(List.of("sh", "-c", "echo out; echo err >&2; exit 3"), dir);
        assertEquals(3, r.exitCode());
        assertFalse(r.ok());
        assertTrue(r.output().contains("out") && r.output().contains("err"), r.output());
    }

    /** The host's own path with the real arkpack: compile a class, analyze it, serve it, read the graph. */
    @Test
    void realArkpackAnalyzesAndServes() throws Exception {
        String bin = System.getenv("ARKPACK_BIN");
        assumeTrue(bin != null && !bin.isBlank(), "ARKPACK_BIN not set");
        Path src = Files.createDirectories(dir.resolve("src/com/acme/orders"));
        Files.writeString(src.resolve("OrderService.java"), "package com.acme.orders; public class OrderService { OrderRepo repo; }");
        Files.writeString(src.resolve("OrderRepo.java"), "package com.acme.orders; public class OrderRepo { }");
        Path classes = Files.createDirectories(dir.resolve("classes"));
        int javac = ToolProvider.getSystemJavaCompiler().run(null, null, null, "-d", classes.toString(),
                src.resolve("OrderService.java").toString(), src.resolve("OrderRepo.java").toString());
        assertEquals(0, javac);
        Path arkpack = Path.of(bin);
        Path analysis = dir.resolve("analysis.json");
        SplitInputs inputs = new SplitInputs(dir, false, List.of(classes), List.of());
        ProcessResult analysed = ProcessResult.run(SplitCommands.analyze(arkpack, inputs, analysis), dir);
        assertTrue(analysed.ok(), analysed.output());
        Path view = Files.createDirectories(dir.resolve("view"));
        Files.writeString(view.resolve("index.html"), "<!doctype html><title>view</title>");
        try (SplitServer server = SplitServer.start(SplitCommands.serve(arkpack, analysis, view), Duration.ofSeconds(60))) {
            // HTTP/1.1: the JDK client would otherwise ask a plain-http server to upgrade to HTTP/2.
            HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(Duration.ofSeconds(10)).build();
            HttpResponse<String> graph = http.send(HttpRequest.newBuilder(URI.create(server.url() + "api/graph"))
                    .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, graph.statusCode());
            assertTrue(graph.body().contains("c:com.acme.orders.OrderService"), graph.body());
            HttpResponse<String> page = http.send(HttpRequest.newBuilder(URI.create(server.url()))
                    .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
            assertTrue(page.body().contains("<title>view</title>"), page.body());
        }
    }
}
