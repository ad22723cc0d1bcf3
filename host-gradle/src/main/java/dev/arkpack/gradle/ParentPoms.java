/*
 * The `parents` fact for `arkpack.baseDependencyParentIdentity` in a Gradle build. A Gradle module has no POM
 * parent, so the option names the POM (groupId:artifactId:version, usually the base's parent or starter
 * POM) that a Maven module would have as its parent. The task resolves that `g:a:v@pom` through the
 * project's repositories, then each of its ancestors, and reports the chain nearest first, each POM with its
 * own dependencyManagement entries (versions interpolated with the chain's properties), exactly the shape
 * the Maven host reports for a module's real parents. arkpack decides what they leave to the base.
 */
package dev.arkpack.gradle;

import java.io.File;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;

import org.gradle.api.GradleException;
import org.gradle.api.Project;
import org.gradle.api.artifacts.Configuration;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

import dev.arkpack.host.Coordinates;
import dev.arkpack.host.Placeholders;

final class ParentPoms {
    private static final String OPTION = "arkpack.baseDependencyParentIdentity";

    private final Project project;

    ParentPoms(Project project) {
        this.project = project;
    }

    /** One POM as read: coordinates, parent, properties and its own managed entries (raw). */
    private static final class Pom {
        String groupId;
        String artifactId;
        String version;
        String[] parent;
        final Map<String, String> properties = new LinkedHashMap<>();
        final List<Map<String, String>> managed = new ArrayList<>();
    }

    /** The request's {@code parents}: the named POM, then its ancestors. */
    List<Object> chain(String identity) {
        String[] p = Coordinates.gav(identity);
        if (p == null || p.length != 3 || !Coordinates.complete(p)) {
            throw new GradleException("arkpack: " + OPTION + " = '" + identity + "' must be groupId:artifactId:version in a "
                    + "Gradle build (Gradle modules have no parent POM to take the version from)");
        }
        List<Pom> poms = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        String[] next = p;
        while (next != null && seen.add(String.join(":", next))) {
            Pom pom = read(resolve(next, identity));
            poms.add(pom);
            next = pom.parent;
        }
        // effective properties of each POM: its ancestors' overridden by its own
        List<Object> out = new ArrayList<>();
        for (int i = 0; i < poms.size(); i++) {
            Map<String, String> props = new HashMap<>();
            for (int j = poms.size() - 1; j >= i; j--) {
                props.putAll(poms.get(j).properties);
            }
            Pom pom = poms.get(i);
            props.put("project.groupId", pom.groupId);
            props.put("project.artifactId", pom.artifactId);
            props.put("project.version", pom.version);
            if (pom.parent != null) {
                props.put("project.parent.groupId", pom.parent[0]);
                props.put("project.parent.version", pom.parent[2]);
            }
            Map<String, Object> o = new LinkedHashMap<>();
            o.put("groupId", pom.groupId);
            o.put("artifactId", pom.artifactId);
            o.put("version", pom.version);
            List<Object> managed = new ArrayList<>();
            for (Map<String, String> d : pom.managed) {
                managed.add(Coordinates.object(interpolate(d.get("groupId"), props), interpolate(d.get("artifactId"), props),
                        interpolate(d.get("version"), props), interpolate(d.get("classifier"), props),
                        interpolate(d.get("type"), props)));
            }
            o.put("managed", managed);
            out.add(o);
        }
        return out;
    }

    private File resolve(String[] gav, String identity) {
        String notation = gav[0] + ":" + gav[1] + ":" + gav[2] + "@pom";
        try {
            Configuration c = project.getConfigurations().detachedConfiguration(project.getDependencies().create(notation));
            c.setTransitive(false);
            return c.getSingleFile();
        } catch (RuntimeException e) {
            throw new GradleException("arkpack: cannot resolve the POM " + notation + " for " + OPTION + " = '" + identity
                    + "' from the project's repositories: " + e.getMessage(), e);
        }
    }

    private static Pom read(File file) {
        Document doc;
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setNamespaceAware(false);
            f.setExpandEntityReferences(false);
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            DocumentBuilder b = f.newDocumentBuilder();
            doc = b.parse(file);
        } catch (Exception e) {
            throw new GradleException("arkpack: cannot read the POM " + file + " for " + OPTION + ": " + e.getMessage(), e);
        }
        Element root = doc.getDocumentElement();
        Pom pom = new Pom();
        Element parent = child(root, "parent");
        if (parent != null) {
            pom.parent = new String[] {text(parent, "groupId"), text(parent, "artifactId"), text(parent, "version")};
        }
        pom.artifactId = text(root, "artifactId");
        pom.groupId = text(root, "groupId") != null ? text(root, "groupId") : parent != null ? pom.parent[0] : null;
        pom.version = text(root, "version") != null ? text(root, "version") : parent != null ? pom.parent[2] : null;
        Element props = child(root, "properties");
        if (props != null) {
            for (Node n = props.getFirstChild(); n != null; n = n.getNextSibling()) {
                if (n instanceof Element) {
                    pom.properties.put(n.getNodeName(), n.getTextContent().trim());
                }
            }
        }
        Element dm = child(root, "dependencyManagement");
        Element deps = dm == null ? null : child(dm, "dependencies");
        if (deps != null) {
            NodeList list = deps.getChildNodes();
            for (int i = 0; i < list.getLength(); i++) {
                if (!(list.item(i) instanceof Element) || !list.item(i).getNodeName().equals("dependency")) {
                    continue;
                }
                Element d = (Element) list.item(i);
                Map<String, String> m = new HashMap<>();
                for (String k : new String[] {"groupId", "artifactId", "version", "type", "classifier"}) {
                    m.put(k, text(d, k));
                }
                pom.managed.add(m);
            }
        }
        return pom;
    }

    private static Element child(Element e, String name) {
        for (Node n = e.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element && n.getNodeName().equals(name)) {
                return (Element) n;
            }
        }
        return null;
    }

    private static String text(Element e, String name) {
        Element c = child(e, name);
        return c == null ? null : c.getTextContent().trim();
    }

    /** {@code ${name}} from the chain's properties and coordinates ({@code pom.x} is {@code project.x}). */
    private static String interpolate(String value, Map<String, String> props) {
        return Placeholders.interpolate(value, name -> props.get(name.startsWith("pom.") ? "project." + name.substring(4) : name));
    }
}
