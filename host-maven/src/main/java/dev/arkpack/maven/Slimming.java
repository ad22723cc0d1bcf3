package dev.arkpack.maven;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.maven.plugin.MojoFailureException;

/**
 * Module slimming is not supported yet. This class only finds where a user asked for it (mojo
 * parameters are checked by the mojo; here the keys of {@code conf/ark/rules.txt},
 * {@code bootstrap.properties} and {@code bootstrap.yml} that the official plugin reads), so the build
 * fails instead of silently packaging what the user meant to leave to the base. It also reads the one
 * non-slimming key of those files, {@code declared.libraries.whitelist}.
 */
final class Slimming {
    private Slimming() {
    }

    /** The keys the official plugin reads from conf/ark files for slimming. */
    static final List<String> KEYS = Arrays.asList("excludes", "excludeGroupIds", "excludeArtifactIds", "includes",
            "includeGroupIds", "includeArtifactIds", "excludeWithIndirectDependencies",
            "buildFailWhenExcludeDiffBaseDependency");

    private static final List<String> RULE_KEYS = KEYS.subList(0, 6);

    static String unsupported(String what) {
        return what + " is not supported by arkpack-maven-plugin yet (module slimming arrives in a later release); "
                + "remove it or use com.alipay.sofa:sofa-ark-maven-plugin";
    }

    /** Every slimming setting found in {@code confArk}, named as {@code file: key}. */
    static List<String> keysInConfFiles(File confArk) throws MojoFailureException {
        List<String> found = new ArrayList<>();
        File rules = new File(confArk, "rules.txt");
        if (rules.isFile()) {
            for (String line : lines(rules)) {
                for (String key : RULE_KEYS) {
                    // The official reader takes a line that starts with `key=`.
                    if (line.startsWith(key + "=")) {
                        found.add("conf/ark/rules.txt: " + key);
                    }
                }
            }
        }
        Properties props = properties(new File(confArk, "bootstrap.properties"));
        for (String key : KEYS) {
            if (props.getProperty(key) != null && !props.getProperty(key).trim().isEmpty()) {
                found.add("conf/ark/bootstrap.properties: " + key);
            }
        }
        File yml = new File(confArk, "bootstrap.yml");
        if (yml.isFile()) {
            Pattern key = Pattern.compile("^\\s*([A-Za-z]+)\\s*:");
            for (String line : lines(yml)) {
                Matcher m = key.matcher(line);
                if (m.find() && KEYS.contains(m.group(1))) {
                    found.add("conf/ark/bootstrap.yml: " + m.group(1));
                }
            }
        }
        return found;
    }

    /**
     * {@code declared.libraries.whitelist} from bootstrap.properties (comma-separated). The YAML form
     * (nested {@code declared: libraries: whitelist:}) is refused rather than ignored.
     */
    static List<String> declaredWhitelist(File confArk) throws MojoFailureException {
        File yml = new File(confArk, "bootstrap.yml");
        if (yml.isFile()) {
            for (String line : lines(yml)) {
                if (line.trim().startsWith("whitelist:")) {
                    throw new MojoFailureException("conf/ark/bootstrap.yml: declared.libraries.whitelist is not read by "
                            + "arkpack-maven-plugin yet; put it in conf/ark/bootstrap.properties as "
                            + "declared.libraries.whitelist=g:a,g:a");
                }
            }
        }
        String value = properties(new File(confArk, "bootstrap.properties")).getProperty("declared.libraries.whitelist");
        return RepackageMojo.Lists.clean(value == null ? null : Arrays.asList(value));
    }

    private static List<String> lines(File f) throws MojoFailureException {
        try {
            return Files.readAllLines(f.toPath(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new MojoFailureException("arkpack: cannot read " + f + ": " + e.getMessage(), e);
        }
    }

    private static Properties properties(File f) throws MojoFailureException {
        Properties p = new Properties();
        if (f.isFile()) {
            try (InputStream in = Files.newInputStream(f.toPath())) {
                p.load(in);
            } catch (IOException e) {
                throw new MojoFailureException("arkpack: cannot read " + f + ": " + e.getMessage(), e);
            }
        }
        return p;
    }
}
