// What can be checked of the IntelliJ glue without the IntelliJ SDK: every Java source parses (javac's
// parser, no symbol resolution), plugin.xml is well-formed and its classes exist as sources, and the
// glue imports only the JDK, IntelliJ Platform, JCEF and our own packages. It prints the IntelliJ and
// JCEF types the glue relies on (the list a build against the real SDK would have to confirm).
// Usage: java check/ParseCheck.java SRC_DIR PLUGIN_XML
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.ImportTree;
import com.sun.source.util.JavacTask;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Stream;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.ToolProvider;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

public class ParseCheck {

    private static final List<String> ALLOWED = List.of("java.", "javax.", "com.intellij.", "org.cef.", "org.jetbrains.annotations.", "dev.arkpack.");

    public static void main(String[] args) throws Exception {
        Path src = Path.of(args[0]);
        Path pluginXml = Path.of(args[1]);
        List<Path> files;
        try (Stream<Path> walk = Files.walk(src)) {
            files = walk.filter(p -> p.toString().endsWith(".java")).sorted().toList();
        }
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        var fm = javac.getStandardFileManager(diagnostics, null, null);
        JavacTask task = (JavacTask) javac.getTask(null, fm, diagnostics, List.of("-proc:none"), null, fm.getJavaFileObjectsFromPaths(files));
        int problems = 0;
        TreeSet<String> platformTypes = new TreeSet<>();
        for (CompilationUnitTree unit : task.parse()) {
            for (ImportTree imp : unit.getImports()) {
                String name = imp.getQualifiedIdentifier().toString();
                if (ALLOWED.stream().noneMatch(name::startsWith)) {
                    System.out.println("FAIL import outside the allowed set: " + name + " in " + unit.getSourceFile().getName());
                    problems++;
                }
                if (name.startsWith("com.intellij.") || name.startsWith("org.cef.")) {
                    platformTypes.add(name);
                }
            }
        }
        for (Diagnostic<? extends JavaFileObject> d : diagnostics.getDiagnostics()) {
            if (d.getKind() == Diagnostic.Kind.ERROR) {
                System.out.println("FAIL parse: " + d);
                problems++;
            }
        }
        problems += checkPluginXml(pluginXml, src);
        System.out.println("parsed " + files.size() + " sources; IntelliJ/JCEF types used (unverified here, need the SDK):");
        platformTypes.forEach(t -> System.out.println("  " + t));
        if (problems > 0) {
            System.out.println(problems + " problem(s)");
            System.exit(1);
        }
        System.out.println("ok: sources parse, imports allowed, plugin.xml well-formed and its classes exist");
    }

    private static int checkPluginXml(Path xml, Path src) throws Exception {
        int problems = 0;
        var doc = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(xml.toFile());
        for (String tag : List.of("id", "name", "depends")) {
            if (doc.getElementsByTagName(tag).getLength() == 0) {
                System.out.println("FAIL plugin.xml has no <" + tag + ">");
                problems++;
            }
        }
        NodeList all = doc.getElementsByTagName("*");
        for (int i = 0; i < all.getLength(); i++) {
            Element e = (Element) all.item(i);
            for (String attr : List.of("factoryClass", "implementation", "implementationClass", "serviceImplementation", "class")) {
                String cls = e.getAttribute(attr);
                if (cls.isEmpty()) {
                    continue;
                }
                Path file = src.resolve(cls.replace('.', '/') + ".java");
                if (!Files.isRegularFile(file)) {
                    System.out.println("FAIL plugin.xml names " + cls + " but " + file + " does not exist");
                    problems++;
                } else {
                    System.out.println("plugin.xml <" + e.getTagName() + " " + attr + "=" + cls + "> found");
                }
            }
        }
        return problems;
    }
}
