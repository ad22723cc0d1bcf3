package com.example.shared.api;

import java.nio.charset.StandardCharsets;

import org.apache.commons.codec.binary.Hex;

/** The class the plugin exports (package com.example.shared.api, export-mode classLoader). */
public final class SharedGreeter {

    public static final String GREETING = "greetings from shared-plugin-a";

    /** Set by the plugin's activator when SOFAArk starts the plugin; only that class's copy carries it. */
    private static volatile String activatedBy;

    public String greet(String who) {
        // commons-codec comes from the plugin's own lib/
        return GREETING + " to " + who + " (" + Hex.encodeHexString(who.getBytes(StandardCharsets.UTF_8)) + ")";
    }

    public static String activatedBy() {
        return activatedBy;
    }

    public static void markActivated(String pluginName) {
        activatedBy = pluginName;
    }

    /** Where commons-codec was loaded from (its code source). */
    public static String codecLocation() {
        return String.valueOf(Hex.class.getProtectionDomain().getCodeSource().getLocation());
    }

    /** The class loader of commons-codec, as seen from the plugin. */
    public static String codecLoader() {
        return Hex.class.getClassLoader().getClass().getName();
    }
}
