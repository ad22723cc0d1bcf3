package dev.arkpack.maven;

import java.io.File;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;

import dev.arkpack.host.Coordinates;

/**
 * The arkpack request (docs/request.md) as JSON: facts and parameters only, named as the request
 * wants them. Paths are absolute. Maven scopes and types map here and nowhere else. The shapes both hosts
 * write (coordinates, libraries, git facts) come from the shared code as plain Java values.
 */
final class RequestBuilder {
    private final JsonObject root = new JsonObject();
    private final JsonArray libraries = new JsonArray();

    RequestBuilder() {
        root.add("libraries", libraries);
    }

    RequestBuilder project(String groupId, String artifactId, String version) {
        JsonObject p = new JsonObject();
        p.addProperty("groupId", groupId);
        p.addProperty("artifactId", artifactId);
        p.addProperty("version", version);
        root.add("project", p);
        return this;
    }

    RequestBuilder moduleJar(File jar) {
        return jarObject("module", jar);
    }

    RequestBuilder confDir(File dir) {
        root.addProperty("confDir", dir.getAbsolutePath());
        return this;
    }

    RequestBuilder bizName(String v) {
        return string("bizName", v);
    }

    RequestBuilder bizVersion(String v) {
        return string("bizVersion", v);
    }

    RequestBuilder priority(String v) {
        return string("priority", v);
    }

    RequestBuilder mainClass(String v) {
        return string("mainClass", v == null ? null : v.trim());
    }

    RequestBuilder webContextPath(String v) {
        return string("webContextPath", v);
    }

    RequestBuilder outputTimestamp(String v) {
        // maven-archiver's convention: a value shorter than 2 characters means "not set".
        if (v != null && v.trim().length() > 1) {
            root.addProperty("outputTimestamp", v.trim());
        }
        return this;
    }

    RequestBuilder list(String key, List<String> items) {
        if (!items.isEmpty()) {
            JsonArray a = new JsonArray();
            items.forEach(a::add);
            root.add(key, a);
        }
        return this;
    }

    RequestBuilder flag(String key, boolean value) {
        if (value) {
            root.addProperty(key, true);
        }
        return this;
    }

    RequestBuilder output(File jar) {
        root.addProperty("output", jar.getAbsolutePath());
        return this;
    }

    /** Adds a library and returns its object, so graph facts can be added to it. */
    JsonObject library(String groupId, String artifactId, String version, String classifier, String extension,
            String scope, File file) {
        JsonObject l = library0(groupId, artifactId, version, classifier, extension, scope, file);
        libraries.add(l);
        return l;
    }

    /** {@code packExcludesUrl}: the address and the body the host fetched from it. */
    RequestBuilder packExcludesUrl(String url, String body) {
        JsonObject o = new JsonObject();
        o.addProperty("url", url);
        o.addProperty("body", body);
        root.add("packExcludesUrl", o);
        return this;
    }

    /** {@code parents}: the ancestor POMs, nearest first, each with its own managed dependencies. */
    RequestBuilder parents(JsonArray parents) {
        root.add("parents", parents);
        return this;
    }

    /** {@code importedBoms}: the BOMs the module's own dependencyManagement imports. */
    RequestBuilder importedBoms(JsonArray boms) {
        root.add("importedBoms", boms);
        return this;
    }

    /** {@code base: {jar}}: the base's executable jar. */
    RequestBuilder baseJar(File jar) {
        return jarObject("base", jar);
    }

    /**
     * {@code base: {artifacts}}: the base's libraries from {@code g:a:v[:classifier]} items (the caller has
     * checked their shape), each with its file when {@code files} finds one.
     */
    RequestBuilder baseArtifacts(List<String> items, Function<String, File> files) {
        JsonArray a = new JsonArray();
        for (String item : items) {
            String[] p = Coordinates.gav(item);
            JsonObject c = coordinates(p[0], p[1], p[2], Coordinates.classifier(p), null);
            File f = files.apply(item);
            if (f != null) {
                c.addProperty("file", f.getAbsolutePath());
            }
            a.add(c);
        }
        JsonObject b = new JsonObject();
        b.add("artifacts", a);
        root.add("base", b);
        return this;
    }

    /** Coordinates as the request writes them: {@code type} only when it is not {@code jar}. */
    static JsonObject coordinates(String groupId, String artifactId, String version, String classifier, String type) {
        return json(Coordinates.object(groupId, artifactId, version, classifier, type)).getAsJsonObject();
    }

    /** A plain Java value of the shared code (Map, List, String, Number, Boolean, null) as Gson's tree. */
    static JsonElement json(Object value) {
        if (value == null) {
            return JsonNull.INSTANCE;
        }
        if (value instanceof Map) {
            JsonObject o = new JsonObject();
            ((Map<?, ?>) value).forEach((k, v) -> o.add(k.toString(), json(v)));
            return o;
        }
        if (value instanceof List) {
            JsonArray a = new JsonArray();
            ((List<?>) value).forEach(v -> a.add(json(v)));
            return a;
        }
        if (value instanceof Boolean) {
            return new JsonPrimitive((Boolean) value);
        }
        if (value instanceof Number) {
            return new JsonPrimitive((Number) value);
        }
        return new JsonPrimitive(value.toString());
    }

    RequestBuilder buildInfo(JsonObject info) {
        root.add("buildInfo", info);
        return this;
    }

    RequestBuilder executable(String groupId, String artifactId, String version, File container, File output) {
        JsonObject e = new JsonObject();
        e.add("container", library0(groupId, artifactId, version, null, "jar", "compile", container));
        e.addProperty("arkVersion", version);
        e.addProperty("output", output.getAbsolutePath());
        root.add("executable", e);
        return this;
    }

    /** A string value as it is (nothing when null). */
    RequestBuilder put(String key, String v) {
        return string(key, v);
    }

    /** A boolean written whatever its value (for keys whose default is true). */
    RequestBuilder bool(String key, boolean value) {
        root.addProperty(key, value);
        return this;
    }

    /**
     * An object of lists and strings, such as the plugin's {@code exported} / {@code imported}; empty
     * lists and null strings are left out, and so is the whole object when nothing is left.
     */
    RequestBuilder object(String key, Map<String, Object> fields) {
        JsonObject o = new JsonObject();
        for (Map.Entry<String, Object> f : fields.entrySet()) {
            Object v = f.getValue();
            if (v instanceof List) {
                if (!((List<?>) v).isEmpty()) {
                    JsonArray a = new JsonArray();
                    ((List<?>) v).forEach(item -> a.add(item.toString()));
                    o.add(f.getKey(), a);
                }
            } else if (v != null) {
                o.addProperty(f.getKey(), v.toString());
            }
        }
        if (o.size() > 0) {
            root.add(key, o);
        }
        return this;
    }

    String toJson() {
        return new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create().toJson(root) + "\n";
    }

    /** {@code key: {jar: <absolute path>}}, as {@code module} and {@code base} name a jar. */
    private RequestBuilder jarObject(String key, File jar) {
        JsonObject o = new JsonObject();
        o.addProperty("jar", jar.getAbsolutePath());
        root.add(key, o);
        return this;
    }

    private RequestBuilder string(String key, String v) {
        if (v != null) {
            root.addProperty(key, v);
        }
        return this;
    }

    private static JsonObject library0(String groupId, String artifactId, String version, String classifier,
            String extension, String scope, File file) {
        return json(Coordinates.library(groupId, artifactId, version, classifier, extension, scope(scope), file))
                .getAsJsonObject();
    }

    /** Maven's scopes to the request's closed set (the one place they map). */
    static String scope(String mavenScope) {
        if (mavenScope == null || mavenScope.isEmpty()) {
            return "compile";
        }
        switch (mavenScope) {
            case "compile":
            case "runtime":
            case "provided":
            case "system":
            case "test":
                return mavenScope;
            default:
                // `import` never reaches resolved artifacts; anything else is treated as compile, as Maven does.
                return "compile";
        }
    }
}
