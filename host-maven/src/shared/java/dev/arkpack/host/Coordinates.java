/*
 * Shared by both hosts (compiled into arkpack-maven-plugin and arkpack-gradle-plugin from
 * host-maven/src/shared/java): artifact coordinates as the request writes them (docs/request.md): the
 * {@code groupId:artifactId:version[:classifier]} items of settings such as baseArtifacts and
 * baseDependencyParentIdentity, the coordinates objects of managed entries and base artifacts, library
 * objects and their ids. Values are plain Java maps in request key order.
 */
package dev.arkpack.host;

import java.io.File;
import java.util.LinkedHashMap;
import java.util.Map;

public final class Coordinates {
    private Coordinates() {
    }

    /** The parts of {@code groupId:artifactId:version[:classifier]}, or null when it has fewer than 3 or more than 4. */
    public static String[] gav(String item) {
        String[] p = item.split(":", -1);
        return p.length < 3 || p.length > 4 ? null : p;
    }

    /** Whether no part is empty. */
    public static boolean complete(String[] parts) {
        for (String p : parts) {
            if (p.isEmpty()) {
                return false;
            }
        }
        return true;
    }

    /** The classifier of {@link #gav} parts, or null. */
    public static String classifier(String[] gav) {
        return gav.length == 4 ? gav[3] : null;
    }

    /**
     * A coordinates object: groupId and artifactId, then version when known, classifier when not empty and
     * type when not empty and not {@code jar}.
     */
    public static Map<String, Object> object(String groupId, String artifactId, String version, String classifier,
            String type) {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("groupId", groupId);
        c.put("artifactId", artifactId);
        if (version != null) {
            c.put("version", version);
        }
        if (classifier != null && !classifier.isEmpty()) {
            c.put("classifier", classifier);
        }
        if (type != null && !type.isEmpty() && !"jar".equals(type)) {
            c.put("type", type);
        }
        return c;
    }

    /** A request library: coordinates, extension (default {@code jar}), scope and file (absolute). */
    public static Map<String, Object> library(String groupId, String artifactId, String version, String classifier,
            String extension, String scope, File file) {
        Map<String, Object> l = new LinkedHashMap<>();
        l.put("groupId", groupId);
        l.put("artifactId", artifactId);
        l.put("version", version);
        if (classifier != null && !classifier.isEmpty()) {
            l.put("classifier", classifier);
        }
        l.put("extension", extension == null || extension.isEmpty() ? "jar" : extension);
        l.put("scope", scope);
        l.put("file", file.getAbsolutePath());
        return l;
    }

    /** The request's id of a library, the key of the graph facts: {@code groupId:artifactId[:classifier]:type}. */
    public static String id(String groupId, String artifactId, String classifier, String extension) {
        return groupId + ":" + artifactId + (classifier == null || classifier.isEmpty() ? "" : ":" + classifier) + ":"
                + (extension == null || extension.isEmpty() ? "jar" : extension);
    }
}
