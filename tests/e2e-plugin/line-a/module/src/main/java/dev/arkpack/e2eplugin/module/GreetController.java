package dev.arkpack.e2eplugin.module;

import java.util.TreeSet;

import com.alipay.sofa.ark.api.ArkClient;
import com.alipay.sofa.ark.spi.model.Plugin;
import com.example.greeter.api.Greeter;
import com.example.shared.api.SharedGreeter;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Calls the classes the two ark plugins export, and says where they came from. */
@RestController
public class GreetController {

    static final String PLUGIN = "greeter-plugin-a";
    static final String SHARED = "shared-plugin-a";

    @GetMapping("/greet")
    public String greet() {
        return new Greeter().greet("e2e-plugin-module-a");
    }

    @GetMapping("/shared")
    public String shared() {
        return new SharedGreeter().greet("e2e-plugin-module-a");
    }

    /** One key=value per line; run_e2e_plugin.py checks each. */
    @GetMapping("/loaders")
    public String loaders() throws Exception {
        StringBuilder out = new StringBuilder();
        ClassLoader greeter = Greeter.class.getClassLoader();
        ClassLoader module = GreetController.class.getClassLoader();
        // the Greeter class this biz resolved
        put(out, "greeter.loader", greeter.getClass().getName());
        put(out, "greeter.source", location(Greeter.class));
        put(out, "greeter.sameAsModuleLoader", greeter == module);
        put(out, "module.loader", module.getClass().getName());
        // the plugin as the SOFAArk container knows it
        Plugin plugin = ArkClient.getPluginManagerService().getPluginByName(PLUGIN);
        put(out, "plugin.found", plugin != null);
        if (plugin != null) {
            ClassLoader pluginLoader = plugin.getPluginClassLoader();
            put(out, "plugin.loader", pluginLoader.getClass().getName());
            put(out, "plugin.exportMode", plugin.getExportMode());
            put(out, "plugin.exportPackages", String.join(",", new TreeSet<>(plugin.getExportPackages())));
            put(out, "greeter.sameAsPluginLoader", greeter == pluginLoader);
            // the plugin's own Greeter: the one its activator marked, using commons-codec from its lib/
            Class<?> own = pluginLoader.loadClass(Greeter.class.getName());
            put(out, "plugin.greeter.loader", own.getClassLoader().getClass().getName());
            put(out, "plugin.greeter.source", location(own));
            put(out, "plugin.greeter.resource", pluginLoader.getResource(Greeter.class.getName().replace('.', '/') + ".class"));
            put(out, "plugin.greeter.activatedBy", own.getMethod("activatedBy").invoke(null));
            put(out, "plugin.codec.loader", own.getMethod("codecLoader").invoke(null));
            put(out, "plugin.codec.source", own.getMethod("codecLocation").invoke(null));
        }
        // the plugin in the default export-mode (classLoader)
        Plugin shared = ArkClient.getPluginManagerService().getPluginByName(SHARED);
        put(out, "shared.found", shared != null);
        ClassLoader sharedGreeter = SharedGreeter.class.getClassLoader();
        put(out, "shared.greeter.loader", sharedGreeter.getClass().getName());
        put(out, "shared.greeter.source", location(SharedGreeter.class));
        put(out, "shared.greeter.activatedBy", SharedGreeter.activatedBy());
        put(out, "shared.greeter.sameAsModuleLoader", sharedGreeter == module);
        if (shared != null) {
            ClassLoader sharedLoader = shared.getPluginClassLoader();
            put(out, "shared.loader", sharedLoader.getClass().getName());
            put(out, "shared.exportMode", shared.getExportMode());
            put(out, "shared.exportPackages", String.join(",", new TreeSet<>(shared.getExportPackages())));
            put(out, "shared.greeter.sameAsPluginLoader", sharedGreeter == sharedLoader);
            put(out, "shared.greeter.sameAsPluginClass",
                    SharedGreeter.class == sharedLoader.loadClass(SharedGreeter.class.getName()));
        }
        return out.toString();
    }

    /** The code source location of a class, or "none". */
    private static String location(Class<?> c) {
        java.security.CodeSource source = c.getProtectionDomain().getCodeSource();
        return source == null || source.getLocation() == null ? "none" : source.getLocation().toString();
    }

    private static void put(StringBuilder out, String key, Object value) {
        out.append(key).append('=').append(value).append('\n');
    }
}
