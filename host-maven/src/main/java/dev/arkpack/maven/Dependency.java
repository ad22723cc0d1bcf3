package dev.arkpack.maven;

import java.util.ArrayList;
import java.util.List;

/** An item of {@code <requiresUnpack>}: {@code <dependency><groupId/><artifactId/></dependency>}. */
public class Dependency {
    private String groupId;
    private String artifactId;

    public String getGroupId() {
        return groupId;
    }

    public void setGroupId(String groupId) {
        this.groupId = groupId;
    }

    public String getArtifactId() {
        return artifactId;
    }

    public void setArtifactId(String artifactId) {
        this.artifactId = artifactId;
    }

    /** {@code groupId:artifactId} for each item, as the request wants them. */
    static List<String> coordinates(List<Dependency> deps) {
        List<String> out = new ArrayList<>();
        if (deps != null) {
            for (Dependency d : deps) {
                out.add(trim(d.groupId) + ":" + trim(d.artifactId));
            }
        }
        return out;
    }

    private static String trim(String s) {
        return s == null ? "" : s.trim();
    }
}
